import type { KibanaFeatureConfig } from '@kbn/features-plugin/server';
import { buildKibanaFeature } from '../../../server/feature';
import { CONNECTION_SAVED_OBJECT_TYPE } from '../../../server/saved_objects/connection_type';
import { KNOWN_SENDER_SAVED_OBJECT_TYPE } from '../../../server/saved_objects/known_sender_type';
import { validateKibanaFeature, validateRegisteredFeatures } from './feature_rules';
import { privilege, testFeature as feature } from './test_features';

/**
 * The registration rules beyond the schema, refused as Kibana refuses them. Texts marked
 * "Kibana test" are inline snapshots of feature_registry.test.ts; the others are
 * feature_schema.ts @ 2549770c and feature_registry.ts @ 020c0224 as written.
 */

// Registration takes whatever object a plugin hands over; the tests build some the typings forbid.
const register = (feature: object) => () => validateKibanaFeature(feature as KibanaFeatureConfig);

describe('feature registration rules', () => {
  it("accepts our plugin's feature", () => {
    const ours = buildKibanaFeature([CONNECTION_SAVED_OBJECT_TYPE, KNOWN_SENDER_SAVED_OBJECT_TYPE]);
    expect(register(ours)).not.toThrow();
  });

  it("accepts Kibana's own complex example (sub-features, reserved privileges, management)", () => {
    const complex = feature({
      excludeFromBasePrivileges: true,
      app: ['app1'],
      minimumLicense: 'platinum',
      catalogue: ['foo'],
      management: { foo: ['bar'] },
      privileges: {
        all: privilege({
          catalogue: ['foo'],
          management: { foo: ['bar'] },
          app: ['app1'],
          api: ['someApiEndpointTag'],
          ui: ['allowsFoo', 'showBar'],
        }),
        read: privilege(),
      },
      subFeatures: [
        {
          name: 'sub-feature-1',
          privilegeGroups: [
            {
              groupType: 'independent',
              privileges: [{ id: 'foo', name: 'foo', includeIn: 'read', ...privilege() }],
            },
            {
              groupType: 'mutually_exclusive',
              privileges: [{ id: 'bar', name: 'bar', includeIn: 'all', ...privilege() }],
            },
          ],
        },
      ],
      privilegesTooltip: 'some fancy tooltip',
      reserved: {
        description: 'some completely adequate description',
        privileges: [{ id: 'reserved', privilege: privilege({ app: ['app1'] }) }],
      },
    });
    expect(register(complex)).not.toThrow();
  });

  it('a privilege that is there but undefined', () => {
    expect(register(feature({ privileges: { all: undefined, read: privilege() } }))).toThrow(
      new Error('Privilege definition may not be null or undefined')
    );
  });

  describe('hidden', () => {
    const reserved = { description: 'r', privileges: [{ id: 'only', privilege: privilege() }] };

    it('is refused on a feature with privileges', () => {
      expect(register(feature({ hidden: true }))).toThrow(
        new Error('Feature test-feature cannot be hidden.')
      );
    });

    it('is refused without reserved privileges, even with privileges null', () => {
      expect(register(feature({ hidden: true, privileges: null }))).toThrow(
        new Error('Feature test-feature cannot be hidden.')
      );
    });

    it('is accepted with privileges null and reserved privileges; false is always accepted', () => {
      expect(register(feature({ hidden: true, privileges: null, reserved }))).not.toThrow();
      expect(register(feature({ hidden: false }))).not.toThrow();
    });
  });

  describe('privileges name only what the feature declares, and grant all of it', () => {
    it('app entries unknown to the feature (Kibana test)', () => {
      const all = privilege({ app: ['foo', 'bar', 'baz'] });
      expect(register(feature({ app: ['bar'], privileges: { all, read: all } }))).toThrow(
        new Error('Feature privilege test-feature.all has unknown app entries: foo, baz')
      );
    });

    it('app entries that no privilege grants, sub-feature privileges counted (Kibana test)', () => {
      const subFeatures = [
        {
          name: 'my sub feature',
          privilegeGroups: [
            {
              groupType: 'independent',
              privileges: [
                { id: 'cool', name: 'cool', includeIn: 'none', ...privilege({ app: ['foo'] }) },
              ],
            },
          ],
        },
      ];
      const privileges = { all: privilege({ app: ['bar'] }), read: privilege({ app: [] }) };
      expect(register(feature({ app: ['foo', 'bar', 'baz'], privileges, subFeatures }))).toThrow(
        new Error(
          'Feature test-feature specifies app entries which are not granted to any privileges: baz'
        )
      );
    });

    it('reserved privileges are checked by their id (Kibana test)', () => {
      const reserved = {
        description: 'something',
        privileges: [{ id: 'reserved', privilege: privilege({ app: ['foo', 'bar', 'baz'] }) }],
      };
      expect(register(feature({ app: ['bar'], privileges: null, reserved }))).toThrow(
        new Error('Feature privilege test-feature.reserved has unknown app entries: foo, baz')
      );
    });

    it('a feature without any privileges may declare apps nobody is granted', () => {
      expect(register(feature({ app: ['foo'], privileges: null }))).not.toThrow();
    });

    it('catalogue entries (Kibana tests)', () => {
      const unknown = privilege({ catalogue: ['foo', 'bar', 'baz'] });
      expect(
        register(feature({ catalogue: ['bar'], privileges: { all: unknown, read: unknown } }))
      ).toThrow(
        new Error('Feature privilege test-feature.all has unknown catalogue entries: foo, baz')
      );
      const granted = privilege({ catalogue: ['foo'] });
      expect(
        register(
          feature({ catalogue: ['foo', 'baz'], privileges: { all: granted, read: granted } })
        )
      ).toThrow(
        new Error(
          'Feature test-feature specifies catalogue entries which are not granted to any privileges: baz'
        )
      );
    });

    it('management sections and entries', () => {
      const management = { kibana: ['a', 'b'] };
      const otherSection = privilege({ management: { other: ['a'] } });
      expect(register(feature({ management, privileges: { all: otherSection } }))).toThrow(
        new Error('Feature privilege test-feature.all has unknown management section: other')
      );
      const otherEntry = privilege({ management: { kibana: ['a', 'c'] } });
      expect(register(feature({ management, privileges: { all: otherEntry } }))).toThrow(
        new Error(
          'Feature privilege test-feature.all has unknown management entries for section kibana: c'
        )
      );
      const partly = privilege({ management: { kibana: ['a'] } });
      expect(register(feature({ management, privileges: { all: partly } }))).toThrow(
        new Error(
          'Feature test-feature specifies management entries which are not granted to any privileges: kibana.b'
        )
      );
    });

    it('alerting rule types and consumers', () => {
      const alerting = [{ ruleTypeId: 'rule-a', consumers: ['c1', 'c2'] }];
      const grant = (ruleTypeId: string, consumers: string[]) =>
        privilege({ alerting: { rule: { all: [{ ruleTypeId, consumers }] } } });
      expect(register(feature({ alerting, privileges: { all: grant('rule-b', ['c1']) } }))).toThrow(
        new Error('Feature privilege test-feature.all has unknown ruleTypeId: rule-b')
      );
      expect(register(feature({ alerting, privileges: { all: grant('rule-a', ['c3']) } }))).toThrow(
        new Error('Feature privilege test-feature.all.rule-a has unknown consumer: c3')
      );
      expect(register(feature({ alerting, privileges: { all: grant('rule-a', ['c1']) } }))).toThrow(
        new Error(
          'Feature test-feature specifies alerting consumers which are not granted to any privileges: c2'
        )
      );
      const twoRules = [...alerting, { ruleTypeId: 'rule-b', consumers: ['c1'] }];
      const bothConsumers = grant('rule-a', ['c1', 'c2']);
      expect(register(feature({ alerting: twoRules, privileges: { all: bothConsumers } }))).toThrow(
        new Error(
          'Feature test-feature specifies alerting rule types which are not granted to any privileges: rule-b'
        )
      );
    });

    it('cases', () => {
      const unknown = privilege({ cases: { all: ['other'] } });
      expect(register(feature({ cases: ['mine'], privileges: { all: unknown } }))).toThrow(
        new Error('Feature privilege test-feature.all has unknown cases entries: other')
      );
      expect(register(feature({ cases: ['mine'], privileges: { all: privilege() } }))).toThrow(
        new Error(
          'Feature test-feature specifies cases entries which are not granted to any privileges: mine'
        )
      );
    });
  });

  describe('once registration is locked', () => {
    const replacedBy = [{ feature: 'other', privileges: ['all'] }];

    it('a deprecated feature says what replaces each privilege', () => {
      const deprecated = feature({ deprecated: { notice: 'gone' } });
      expect(() => validateRegisteredFeatures([deprecated as KibanaFeatureConfig])).toThrow(
        new Error(
          'Feature "test-feature" is deprecated and must define a "replacedBy" property for privilege "all".'
        )
      );
    });

    it('any other feature does not', () => {
      const current = feature({
        privileges: { all: privilege({ replacedBy }), read: privilege() },
      });
      expect(() => validateRegisteredFeatures([current as KibanaFeatureConfig])).toThrow(
        new Error(
          'Feature "test-feature" is not deprecated and must not define a "replacedBy" property for privilege "all".'
        )
      );
    });
  });
});
