import { kibanaFeatureSchema } from './feature_schema';
import { privilege, testFeature as feature } from './test_features';

/**
 * The registration schema refuses what Kibana's refuses, in config-schema's words. Texts marked
 * "Kibana test" are inline snapshots of feature_registry.test.ts (@ ef38cab5 for the literal
 * texts); the others are built from feature_schema.ts @ 2549770c and config-schema's error formats.
 */

// Registration takes whatever object a plugin hands over; the tests build some the typings forbid.
const register = (feature: object) => () => kibanaFeatureSchema.validate(feature);

describe('feature registration schema', () => {
  describe('unknown keys, at every level', () => {
    it('top level: `scope`, removed from the schema in 9.x, is one', () => {
      expect(register(feature({ scope: ['security'] }))).toThrow(
        new Error("[scope]: Additional properties are not allowed ('scope' was unexpected)")
      );
    });

    it('category', () => {
      expect(register(feature({ category: { id: 'foo', label: 'foo', color: 'red' } }))).toThrow(
        new Error(
          "[category.color]: Additional properties are not allowed ('color' was unexpected)"
        )
      );
    });

    it('a privilege, inside the null-or-object union of `privileges`', () => {
      const privileges = { all: privilege({ composedOf: [] }), read: privilege() };
      expect(register(feature({ privileges }))).toThrow(
        new Error(
          [
            '[privileges]: types that failed validation:',
            '- [privileges.0]: expected value to equal [null]',
            "- [privileges.1.all.composedOf]: Additional properties are not allowed ('composedOf' was unexpected)",
          ].join('\n')
        )
      );
    });

    it('a privilege name other than all and read', () => {
      const privileges = { foo: privilege() };
      expect(register(feature({ privileges }))).toThrow(
        "- [privileges.1.foo]: Additional properties are not allowed ('foo' was unexpected)"
      );
    });

    it('a sub-feature', () => {
      const subFeatures = [{ name: 'sub', privilegeGroups: [], icon: 'x' }];
      expect(register(feature({ subFeatures }))).toThrow(
        new Error(
          "[subFeatures.0.icon]: Additional properties are not allowed ('icon' was unexpected)"
        )
      );
    });
  });

  describe('required fields', () => {
    it('name', () => {
      expect(register(feature({ name: undefined }))).toThrow(
        new Error('[name]: expected value of type [string] but got [undefined]')
      );
    });

    it('category, with an id and a label (Kibana test)', () => {
      expect(register(feature({ category: undefined }))).toThrow(
        new Error('[category.id]: expected value of type [string] but got [undefined]')
      );
      expect(register(feature({ category: { id: 'foo' } }))).toThrow(
        new Error('[category.label]: expected value of type [string] but got [undefined]')
      );
    });

    it('app, which may be empty', () => {
      expect(register(feature({ app: undefined }))).toThrow(
        new Error('[app]: expected value of type [array] but got [undefined]')
      );
    });

    it('privileges, null or an object (Kibana test)', () => {
      expect(register(feature({ privileges: undefined }))).toThrow(
        new Error('[privileges]: expected at least one defined value but got [undefined]')
      );
      expect(register(feature({ privileges: null }))).not.toThrow();
    });

    it("a privilege's savedObject lists and ui", () => {
      expect(register(feature({ privileges: { all: { ui: [] } } }))).toThrow(
        '- [privileges.1.all.savedObject.all]: expected value of type [array] but got [undefined]'
      );
      expect(
        register(feature({ privileges: { all: { savedObject: { all: [], read: [] } } } }))
      ).toThrow('- [privileges.1.all.ui]: expected value of type [array] but got [undefined]');
    });
  });

  describe('ids', () => {
    it('must match the id pattern (Kibana test: "doesn\'t match valid regex")', () => {
      expect(register(feature({ id: "doesn't match valid regex" }))).toThrow(
        new Error('[id]: Does not satisfy regexp /^[a-zA-Z0-9_-]+$/')
      );
    });

    it.each(['catalogue', 'management', 'navLinks'])('may not be %s', (id) => {
      expect(register(feature({ id }))).toThrow(new Error(`[id]: [${id}] is not allowed`));
    });

    it('reserved privilege ids may not start with reserved_', () => {
      const reserved = {
        description: 'r',
        privileges: [{ id: 'reserved_x', privilege: privilege() }],
      };
      expect(register(feature({ privileges: null, reserved }))).toThrow(
        new Error(
          '[reserved.privileges.0.id]: Does not satisfy regexp /^(?!reserved_)[a-zA-Z0-9_-]+$/'
        )
      );
    });
  });

  describe('entry patterns', () => {
    it('ui capabilities', () => {
      const privileges = { all: privilege({ ui: ['show things'] }) };
      expect(register(feature({ privileges }))).toThrow(
        '- [privileges.1.all.ui.0]: Does not satisfy regexp /^[a-zA-Z0-9:_-]+$/'
      );
    });

    it('catalogue entries', () => {
      expect(register(feature({ catalogue: ['contains space'] }))).toThrow(
        new Error('[catalogue.0]: Does not satisfy regexp /^[a-zA-Z0-9:_-]+$/')
      );
    });

    it('management section ids', () => {
      expect(register(feature({ management: { 'my section': [] } }))).toThrow(
        new Error('[management.key("my section")]: Does not satisfy regexp /^[a-zA-Z0-9_-]+$/')
      );
    });

    it('minimumLicense is a license name', () => {
      expect(register(feature({ minimumLicense: 'silver' }))).toThrow(
        new Error(
          [
            '[minimumLicense]: types that failed validation:',
            ...['basic', 'standard', 'gold', 'platinum', 'enterprise', 'trial'].map(
              (license, index) =>
                `- [minimumLicense.${index}]: expected value to equal [${license}]`
            ),
          ].join('\n')
        )
      );
    });
  });

  describe('sub-features', () => {
    const subFeaturePrivilege = { id: 'sub', name: 'Sub', includeIn: 'none', ...privilege() };

    it('need privileges on the feature (Kibana test)', () => {
      const subFeatures = [
        {
          name: 'my sub feature',
          privilegeGroups: [{ groupType: 'independent', privileges: [subFeaturePrivilege] }],
        },
      ];
      expect(register(feature({ privileges: null, subFeatures }))).toThrow(
        new Error('[subFeatures]: array size is [1], but cannot be greater than [0]')
      );
    });

    it('take no minimumLicense in a mutually exclusive group (Kibana test)', () => {
      const groups = [
        {
          groupType: 'mutually_exclusive',
          privileges: [{ ...subFeaturePrivilege, minimumLicense: 'gold' }],
        },
      ];
      expect(register(feature({ subFeatures: [{ name: 's', privilegeGroups: groups }] }))).toThrow(
        new Error(
          [
            '[subFeatures.0.privilegeGroups.0]: types that failed validation:',
            "- [subFeatures.0.privilegeGroups.0.0.privileges.0.minimumLicense]: a value wasn't expected to be present",
            '- [subFeatures.0.privilegeGroups.0.1.groupType]: expected value to equal [independent]',
          ].join('\n')
        )
      );
    });
  });
});
