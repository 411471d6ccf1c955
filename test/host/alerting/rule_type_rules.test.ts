import { registerRuleType, type AnyRuleType } from './rule_type_rules';

// Kibana's own expectations: x-pack/platform/plugins/shared/alerting/server/rule_type_registry.test.ts
// and plugin.test.ts (the messages below are copied from Kibana's source, not from the host).

function ruleType(overrides: Partial<AnyRuleType> = {}): AnyRuleType {
  return {
    id: 'test.rule',
    name: 'Test',
    actionGroups: [{ id: 'default', name: 'Default' }],
    defaultActionGroupId: 'default',
    minimumLicenseRequired: 'basic',
    isExportable: true,
    category: 'securitySolution',
    producer: 'exchangeMessageTrace',
    validate: { params: { validate: (params) => params as Record<string, unknown> } },
    executor: async () => ({ state: {} }),
    ...overrides,
  } as AnyRuleType;
}

const register = (type: AnyRuleType, registered = new Map<string, AnyRuleType>()) =>
  registerRuleType(type, registered, new Map());

describe('registering a rule type as Kibana does', () => {
  it('refuses a second type with the same id', () => {
    const registered = new Map<string, AnyRuleType>();
    register(ruleType(), registered);
    expect(() => register(ruleType(), registered)).toThrow(
      new Error('Rule type "test.rule" is already registered.')
    );
  });

  it('refuses ids with characters outside [a-zA-Z0-9_-.], naming each run of them', () => {
    expect(() => register(ruleType({ id: 'test rule' }))).toThrow(
      new Error('expected RuleType Id not to include invalid character:  ')
    );
    expect(() => register(ruleType({ id: ':test/rule*' }))).toThrow(
      new Error('expected RuleType Id not to include invalid characters: :, /, *')
    );
  });

  it('refuses durations Kibana cannot parse for the timeout and the default interval', () => {
    expect(() => register(ruleType({ ruleTaskTimeout: '1.5m' }))).toThrow(
      new Error('Rule type "test.rule" has invalid timeout: string is not a valid duration: 1.5m.')
    );
    expect(() => register(ruleType({ defaultScheduleInterval: '0s' }))).toThrow(
      new Error(
        'Rule type "test.rule" has invalid default interval: string is not a valid duration: 0s.'
      )
    );
  });

  it('reserves "recovered" unless a recovery group of its own is given', () => {
    const recovered = [
      { id: 'default', name: 'Default' },
      { id: 'recovered', name: 'Recovered' },
    ];
    expect(() => register(ruleType({ actionGroups: recovered }))).toThrow(
      new Error(
        'Rule type [id="test.rule"] cannot be registered. Action groups [recovered] are reserved by the framework.'
      )
    );
    const own = register(
      ruleType({ actionGroups: recovered, recoveryActionGroup: { id: 'back', name: 'Back' } })
    );
    expect(own.actionGroups.map((group) => group.id)).toEqual(['default', 'recovered', 'back']);
  });

  it('refuses a recovery group that is also an active group', () => {
    expect(() =>
      register(ruleType({ recoveryActionGroup: { id: 'default', name: 'Default' } }))
    ).toThrow(
      new Error(
        'Rule type [id="test.rule"] cannot be registered. Action group [default] cannot be used as both a recovery and an active action group.'
      )
    );
  });

  it('refuses two action groups of one severity level', () => {
    const actionGroups = [
      { id: 'low', name: 'Low', severity: { level: 0 } },
      { id: 'high', name: 'High', severity: { level: 0 } },
    ];
    expect(() => register(ruleType({ actionGroups, defaultActionGroupId: 'low' }))).toThrow(
      new Error(
        'Rule type [id="test.rule"] cannot be registered. Action group definitions cannot contain duplicate severity levels.'
      )
    );
  });

  it('refuses an unknown license and cancelAlertsOnRuleTimeout false with auto-recovery', () => {
    expect(() =>
      register(
        ruleType({ minimumLicenseRequired: 'premium' as AnyRuleType['minimumLicenseRequired'] })
      )
    ).toThrow(new Error('"premium" is not a valid license type'));
    expect(() => register(ruleType({ cancelAlertsOnRuleTimeout: false }))).toThrow(
      new Error(
        'Rule type "test.rule" cannot have both cancelAlertsOnRuleTimeout set to false and autoRecoverAlerts set to true.'
      )
    );
  });

  it('refuses one alerts context registered with other options, but shares an equal one', () => {
    const contexts = new Map();
    const registered = new Map<string, AnyRuleType>();
    const alerts = { context: 'test.ctx', mappings: { fieldMap: {} }, shouldWrite: true };
    registerRuleType(ruleType({ id: 'a', alerts }), registered, contexts);
    registerRuleType(
      ruleType({ id: 'b', alerts: { ...alerts, shouldWrite: false } }),
      registered,
      contexts
    );
    expect(() =>
      registerRuleType(
        ruleType({ id: 'c', alerts: { ...alerts, useEcs: true } }),
        registered,
        contexts
      )
    ).toThrow(new Error('test.ctx has already been registered with different options'));
  });

  it('accepts what Kibana does not check: a default group that is not one of the groups', () => {
    const normalized = register(ruleType({ defaultActionGroupId: 'nowhere', category: 'x' }));
    expect(normalized.ruleTaskTimeout).toBe('5m');
    expect(normalized.recoveryActionGroup).toEqual({ id: 'recovered', name: 'Recovered' });
    expect(normalized.actionVariables).toEqual({ context: [], state: [], params: [] });
  });
});
