import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { connectionPath, type ConnectionView } from '../../../common/http_api/connections';
import { connectionView } from '../../test_support/connection_fixtures';
import { renderWithServices, type RecordedCall } from '../../test_support/fake_core';
import { ConnectionFlyout } from './connection_flyout';

const NEW_SECRET = 'new-secret-value-Q8~x';
const PEM =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

function openEdit(connection: ConnectionView = connectionView()) {
  const rendered = renderWithServices(
    <ConnectionFlyout connection={connection} onClose={jest.fn()} onSaved={jest.fn()} />,
    { routes: { [`PUT ${connectionPath(connection.id)}`]: () => connection } }
  );
  const saved = async (): Promise<RecordedCall['body']> => {
    await act(async () => fireEvent.click(screen.getByTestId('emtSaveConnection')));
    return rendered.calls.at(-1)?.body;
  };
  return { ...rendered, saved };
}

describe('a stored secret', () => {
  it('shows only that it is set, and an update without a new one keeps it', async () => {
    const { saved } = openEdit();
    expect(screen.getByTestId('emtSecretSet').textContent).toBe('Secret is set');
    expect(screen.queryByTestId('emtField-clientSecret')).toBeNull();
    expect(document.querySelector('input[type="password"]')).toBeNull();
    expect(await saved()).not.toHaveProperty('clientSecret');
  });

  it('is replaced through a password box that never holds the value in the page', async () => {
    const { saved } = openEdit();
    fireEvent.click(screen.getByTestId('emtReplaceSecret'));
    const input = screen.getByTestId('emtField-clientSecret') as HTMLInputElement;
    expect(input.type).toBe('password');
    fireEvent.change(input, { target: { value: NEW_SECRET } });
    expect(input.getAttribute('value') ?? '').toBe('');
    expect(document.body.innerHTML).not.toContain(NEW_SECRET);
    expect(await saved()).toMatchObject({ clientSecret: NEW_SECRET });
  });

  it('can be kept after starting to replace it', async () => {
    const { saved } = openEdit();
    fireEvent.click(screen.getByTestId('emtReplaceSecret'));
    fireEvent.change(screen.getByTestId('emtField-clientSecret'), {
      target: { value: NEW_SECRET },
    });
    fireEvent.click(screen.getByTestId('emtKeepSecret'));
    expect(screen.getByTestId('emtSecretSet').textContent).toBe('Secret is set');
    expect(await saved()).not.toHaveProperty('clientSecret');
  });

  it('as a certificate key, is read from the file and never rendered', async () => {
    const certificate = connectionView({
      settings: {
        ...connectionView().settings,
        authMethod: 'certificate',
        certificateThumbprint: 'ab'.repeat(20),
      },
      secrets: { clientSecret: false, certificatePrivateKey: true },
    });
    const { saved } = openEdit(certificate);
    expect(screen.getByTestId('emtSecretSet').textContent).toBe('Private key is set');
    fireEvent.click(screen.getByTestId('emtReplaceSecret'));
    const picker = screen.getByTestId('emtField-certificatePrivateKey') as HTMLInputElement;
    const file = new File([PEM], 'app.key', { type: 'application/x-pem-file' });
    fireEvent.change(picker, { target: { files: [file] } });
    await waitFor(async () => expect(await saved()).toMatchObject({ certificatePrivateKey: PEM }));
    expect(document.body.innerHTML).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
  });
});
