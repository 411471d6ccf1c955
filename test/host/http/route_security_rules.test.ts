import { validRouteSecurity } from './route_security_rules';

// Expected texts: Kibana's security_route_config_validator.ts @ 1d7f15d1 and the inline
// snapshots of its test (find_string id 1268920974), with config-schema's wording for the schema
// failures.
describe('validRouteSecurity (Kibana routeSecuritySchema)', () => {
  const expectRefusal = (security: unknown, message: string) =>
    expect(() => validRouteSecurity(security)).toThrow(new Error(message));

  describe('accepts what Kibana accepts', () => {
    it('required privileges, with authc defaulting to enabled', () => {
      expect(validRouteSecurity({ authz: { requiredPrivileges: ['read'] } })).toEqual({
        authz: { requiredPrivileges: ['read'] },
        authc: { enabled: true },
      });
    });

    it('privilege sets, nested allOf/anyOf, and superuser with operator', () => {
      const requiredPrivileges = [
        'read',
        { anyRequired: ['write', { allOf: ['a', 'b'] }] },
        { allRequired: ['c', { anyOf: ['d', 'e'] }] },
      ];
      expect(validRouteSecurity({ authz: { requiredPrivileges } }).authz).toEqual({
        requiredPrivileges,
      });
      expect(() =>
        validRouteSecurity({ authz: { requiredPrivileges: ['superuser', 'operator'] } })
      ).not.toThrow();
      expect(() =>
        validRouteSecurity({ authz: { requiredPrivileges: ['operator', 'manage'] } })
      ).not.toThrow();
    });

    it('authz disabled with a reason, authc optional or disabled with a reason', () => {
      expect(
        validRouteSecurity({
          authz: { enabled: false, reason: 'Authorization is disabled' },
          authc: { enabled: true },
        })
      ).toEqual({
        authz: { enabled: false, reason: 'Authorization is disabled' },
        authc: { enabled: true },
      });
      for (const enabled of ['optional', false]) {
        expect(
          validRouteSecurity({
            authz: { requiredPrivileges: ['read'] },
            authc: { enabled, reason: 'why' },
          }).authc
        ).toEqual({ enabled, reason: 'why' });
      }
    });
  });

  describe('authz', () => {
    const arrayExpected =
      '[authz.requiredPrivileges]: expected value of type [array] but got [undefined]';

    it('refuses a route without security or with an empty authz', () => {
      expectRefusal(undefined, arrayExpected);
      expectRefusal({}, arrayExpected);
      expectRefusal({ authz: {}, authc: { enabled: true } }, arrayExpected);
    });

    it('refuses an empty requiredPrivileges', () => {
      expectRefusal(
        { authz: { requiredPrivileges: [] } },
        '[authz.requiredPrivileges]: array size is [0], but cannot be smaller than [1]'
      );
    });

    it('refuses a privilege set naming neither anyRequired nor allRequired', () => {
      expectRefusal(
        { authz: { requiredPrivileges: [{}] } },
        [
          '[authz.requiredPrivileges.0]: types that failed validation:',
          '- [authz.requiredPrivileges.0.0]: either anyRequired or allRequired must be specified',
          '- [authz.requiredPrivileges.0.1]: expected value of type [string] but got [Object]',
        ].join('\n')
      );
    });

    it('refuses anyRequired with fewer than 2 and allRequired with fewer than 1 entries', () => {
      expectRefusal(
        { authz: { requiredPrivileges: [{ anyRequired: ['privilege-1'], allRequired: ['p-2'] }] } },
        [
          '[authz.requiredPrivileges.0]: types that failed validation:',
          '- [authz.requiredPrivileges.0.0.anyRequired]: array size is [1], but cannot be smaller than [2]',
          '- [authz.requiredPrivileges.0.1]: expected value of type [string] but got [Object]',
        ].join('\n')
      );
      expectRefusal(
        { authz: { requiredPrivileges: [{ allRequired: [] }] } },
        [
          '[authz.requiredPrivileges.0]: types that failed validation:',
          '- [authz.requiredPrivileges.0.0.allRequired]: array size is [0], but cannot be smaller than [1]',
          '- [authz.requiredPrivileges.0.1]: expected value of type [string] but got [Object]',
        ].join('\n')
      );
    });

    it('refuses authz disabled without a reason, or with required privileges', () => {
      expectRefusal(
        { authz: { enabled: false }, authc: { enabled: true } },
        '[authz.reason]: expected value of type [string] but got [undefined]'
      );
      expectRefusal(
        { authz: { enabled: false, reason: 'r', requiredPrivileges: ['read'] } },
        "[authz.requiredPrivileges]: a value wasn't expected to be present"
      );
      expectRefusal(
        { authz: { enabled: true, requiredPrivileges: ['read'] } },
        '[authz.enabled]: expected value to equal [false]'
      );
    });

    it('refuses a reason beside required privileges and unknown keys', () => {
      expectRefusal(
        { authz: { requiredPrivileges: ['read'], reason: 'r' } },
        "[authz.reason]: a value wasn't expected to be present"
      );
      expectRefusal(
        { authz: { requiredPrivileges: ['read'], scope: 'x' } },
        "[authz.scope]: Additional properties are not allowed ('scope' was unexpected)"
      );
    });

    it.each([
      [
        [{ anyRequired: ['privilege1', 'privilege2'], allRequired: ['privilege1'] }],
        'anyRequired and allRequired cannot have the same values: [privilege1]',
      ],
      [
        [
          { anyRequired: ['privilege1', 'privilege2'], allRequired: ['privilege4'] },
          { anyRequired: ['privilege3', 'privilege5'], allRequired: ['privilege2'] },
        ],
        'anyRequired and allRequired cannot have the same values: [privilege2]',
      ],
      [[{ anyRequired: ['a', 'a'] }], 'anyRequired privileges must contain unique values'],
      [['a', { allRequired: ['a'] }], 'allRequired privileges must contain unique values'],
      [
        [{ anyRequired: ['superuser', 'a'] }],
        'Using superuser privileges in anyRequired is not allowed',
      ],
      [
        ['superuser', 'a'],
        'Combining superuser with other privileges is redundant, superuser privileges set can be only used as a standalone privilege.',
      ],
      [
        [{ anyRequired: ['operator', 'a'] }],
        'Using operator privileges in anyRequired is not allowed',
      ],
      [
        ['operator'],
        'Operator privilege requires at least one additional non-operator privilege to be defined',
      ],
    ])('refuses %j: %s', (requiredPrivileges, message) => {
      expectRefusal({ authz: { requiredPrivileges } }, `[authz.requiredPrivileges]: ${message}`);
    });
  });

  describe('authc', () => {
    const authz = { requiredPrivileges: ['read'] };

    it('requires a reason to make authentication optional or to disable it', () => {
      for (const enabled of ['optional', false]) {
        expectRefusal(
          { authz, authc: { enabled } },
          '[authc.reason]: expected value of type [string] but got [undefined]'
        );
      }
    });

    it('refuses a reason when authentication is required', () => {
      expectRefusal(
        { authz, authc: { enabled: true, reason: 'r' } },
        "[authc.reason]: a value wasn't expected to be present"
      );
    });

    it('refuses any other value of enabled', () => {
      expectRefusal(
        { authz, authc: { enabled: 'minimal', reason: 'r' } },
        [
          '[authc.enabled]: types that failed validation:',
          '- [authc.enabled.0]: expected value to equal [true]',
          '- [authc.enabled.1]: expected value to equal [optional]',
          '- [authc.enabled.2]: expected value to equal [false]',
        ].join('\n')
      );
    });
  });
});
