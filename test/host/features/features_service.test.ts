import { buildKibanaFeature } from '../../../server/feature';
import { FeaturesService } from './features_service';

const SO_TYPE = 'exchange-message-trace-connection';

describe('FeaturesService registration', () => {
  it('keeps a copy of each feature with the saved object grants Kibana adds', () => {
    const features = new FeaturesService();
    const ours = buildKibanaFeature([SO_TYPE]);
    features.setup().registerKibanaFeature(ours);

    const [registered] = features.registered();
    expect(registered).not.toBe(ours);
    // Kibana: feature_registry.ts @ 020c0224, applyAutomaticPrivilegeGrants.
    expect(registered!.privileges!.all.savedObject).toEqual({
      all: [SO_TYPE, 'telemetry'],
      read: ['config', 'config-global', 'url', 'tag', 'cloud'],
    });
    expect(registered!.privileges!.read.savedObject).toEqual({
      all: [],
      read: [SO_TYPE, 'config', 'config-global', 'telemetry', 'url', 'tag', 'cloud'],
    });
    expect(ours.privileges!.all.savedObject).toEqual({ all: [SO_TYPE], read: [] });
  });

  it('refuses a second feature with the same id', () => {
    const features = new FeaturesService();
    const { registerKibanaFeature } = features.setup();
    registerKibanaFeature(buildKibanaFeature([SO_TYPE]));
    expect(() => registerKibanaFeature(buildKibanaFeature([]))).toThrow(
      new Error('Feature with id exchangeMessageTrace is already registered.')
    );
  });

  it('refuses a feature the rules refuse, and keeps nothing of it', () => {
    const features = new FeaturesService();
    const hidden = { ...buildKibanaFeature([SO_TYPE]), hidden: true };
    expect(() => features.setup().registerKibanaFeature(hidden)).toThrow(
      new Error('Feature exchangeMessageTrace cannot be hidden.')
    );
    expect(features.registered()).toEqual([]);
  });

  it("refuses registration once the features plugin's start has locked it", () => {
    const features = new FeaturesService();
    const { registerKibanaFeature } = features.setup();
    features.start();
    expect(() => registerKibanaFeature(buildKibanaFeature([SO_TYPE]))).toThrow(
      new Error(
        "Features are locked, can't register new features. Attempt to register exchangeMessageTrace failed."
      )
    );
  });
});
