import {
  collectionHealthParamsCodec,
  deliveryFailuresParamsCodec,
  paramsErrors,
  paramsValidator,
  suspiciousSenderParamsCodec,
} from './rule_params';

const failures = {
  statuses: ['failed', 'quarantined'],
  thresholdType: 'share',
  threshold: 20,
  groupBy: 'recipientDomain',
  windowMinutes: 60,
  minMessages: 10,
};

describe('rule params', () => {
  it('accepts valid params and returns them as validated', () => {
    const params = { threshold: 40, windowHours: 24, groupBy: 'sender' };
    expect(paramsValidator(suspiciousSenderParamsCodec).validate(params)).toEqual(params);
    expect(paramsValidator(deliveryFailuresParamsCodec).validate(failures)).toEqual(failures);
    const scoped = { ...params, namespaces: ['default', 'tenant_b'] };
    expect(paramsValidator(suspiciousSenderParamsCodec).validate(scoped)).toEqual(scoped);
    expect(() =>
      paramsValidator(suspiciousSenderParamsCodec).validate({ ...params, namespaces: ['Bad-Name'] })
    ).toThrow(/^namespaces\.0: /);
  });

  it('throws one message naming each bad field, as Kibana puts after "params invalid: "', () => {
    expect(() =>
      paramsValidator(suspiciousSenderParamsCodec).validate({
        threshold: 0,
        windowHours: 24,
        groupBy: 'ip',
      })
    ).toThrow(/^threshold: must be a whole number from 1 to 190; groupBy: expected .*got "ip"$/);
    expect(() =>
      paramsValidator(collectionHealthParamsCodec).validate({
        throttledMinutes: 30,
        lagMinutes: 60,
      })
    ).toThrow('expiryDays: expected');
  });

  it('checks the threshold against its type and the statuses as a set', () => {
    const validate = paramsValidator(deliveryFailuresParamsCodec).validate;
    expect(() => validate({ ...failures, threshold: 150 })).toThrow(
      'threshold: must be a percentage above 0, to 100'
    );
    expect(() => validate({ ...failures, thresholdType: 'count', threshold: 2.5 })).toThrow(
      'threshold: must be a whole number of rows, 1 or more'
    );
    expect(() => validate({ ...failures, statuses: [] })).toThrow(
      'statuses: must name each of failed, quarantined, filteredAsSpam at most once, and at least one'
    );
    expect(() => validate({ ...failures, statuses: ['delivered'] })).toThrow('statuses.0');
  });

  it('groups the problems by field for the params editors', () => {
    expect(
      paramsErrors(suspiciousSenderParamsCodec, {
        threshold: 500,
        windowHours: 24,
        groupBy: 'sender',
      })
    ).toEqual({ threshold: ['must be a whole number from 1 to 190'] });
    expect(
      paramsErrors(collectionHealthParamsCodec, {
        throttledMinutes: 30,
        lagMinutes: 60,
        expiryDays: 14,
      })
    ).toEqual({});
  });

  it('limits a rule to some connections with the views’ codec, and keeps rules saved without it', () => {
    const params = { threshold: 40, windowHours: 24, groupBy: 'sender' };
    const health = { throttledMinutes: 30, lagMinutes: 60, expiryDays: 14 };
    const limited = { connectionIds: ['conn-a', 'conn_b-2'] };
    expect(
      paramsValidator(suspiciousSenderParamsCodec).validate({ ...params, ...limited })
    ).toEqual({ ...params, ...limited });
    expect(
      paramsValidator(deliveryFailuresParamsCodec).validate({ ...failures, ...limited })
    ).toEqual({ ...failures, ...limited });
    expect(
      paramsValidator(collectionHealthParamsCodec).validate({ ...health, ...limited })
    ).toEqual({ ...health, ...limited });
    expect(paramsValidator(collectionHealthParamsCodec).validate(health)).toEqual(health);
    expect(
      paramsErrors(suspiciousSenderParamsCodec, { ...params, connectionIds: ['a b'] })
    ).toEqual({
      'connectionIds.0': ['must be a connection ID: 1 to 100 letters, digits, "-" or "_"'],
    });
    const tooMany = Array.from({ length: 101 }, (_, index) => `conn-${index}`);
    expect(
      paramsErrors(deliveryFailuresParamsCodec, { ...failures, connectionIds: tooMany })
    ).toEqual({ connectionIds: ['must hold at most 100 connection IDs'] });
    expect(
      paramsErrors(collectionHealthParamsCodec, { ...health, connectionIds: 'conn-a' })
    ).toEqual({ connectionIds: ['must be a list of at most 100 connection IDs'] });
  });
});
