/**
 * A mail address whole, never cut short: where it must break, it breaks after its `@`, and only
 * within a part too long for the column otherwise.
 */
export function AddressText({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  return (
    <span style={{ overflowWrap: 'anywhere' }} data-test-subj="emtAddress">
      {at < 0 ? (
        address
      ) : (
        <>
          {address.slice(0, at + 1)}
          <wbr />
          {address.slice(at + 1)}
        </>
      )}
    </span>
  );
}
