import { compileRoutePath } from './route_path';

describe('compileRoutePath (hapi path matching as Kibana configures it)', () => {
  it('matches parameters, decoded, one segment each', () => {
    expect(compileRoutePath('/api/x/{id}').match('/api/x/a%20b')).toEqual({ id: 'a b' });
    expect(compileRoutePath('/api/x/{id}').match('/api/x/a/b')).toBeUndefined();
    expect(compileRoutePath('/api/x/{id}').match('/api/x/')).toBeUndefined();
    expect(compileRoutePath('/api/x.y').match('/api/xzy')).toBeUndefined();
  });

  it('does not strip a trailing slash: /x/ and /x are different paths', () => {
    expect(compileRoutePath('/api/x').match('/api/x')).toEqual({});
    expect(compileRoutePath('/api/x').match('/api/x/')).toBeUndefined();
    expect(compileRoutePath('/api/x/').match('/api/x')).toBeUndefined();
    expect(compileRoutePath('/api/x/{id}').match('/api/x/1/')).toBeUndefined();
  });

  it('is case-sensitive', () => {
    expect(compileRoutePath('/api/x').match('/API/x')).toBeUndefined();
  });

  it('lets an optional last parameter be empty or absent', () => {
    const matcher = compileRoutePath('/api/x/{id?}');
    expect(matcher.match('/api/x/7')).toEqual({ id: '7' });
    expect(matcher.match('/api/x/')).toEqual({ id: '' });
    expect(matcher.match('/api/x')).toEqual({});
  });

  it('gives a wildcard the rest of the path, or nothing', () => {
    const matcher = compileRoutePath('/files/{path*}');
    expect(matcher.match('/files/a/b.csv')).toEqual({ path: 'a/b.csv' });
    expect(matcher.match('/files')).toEqual({});
  });

  it('files a route under its shape, and an optional last parameter under both shapes', () => {
    expect(compileRoutePath('/api/x/{id}').fingerprints).toEqual(['/api/x/?']);
    expect(compileRoutePath('/api/x/{id?}').fingerprints).toEqual(['/api/x/?', '/api/x']);
    expect(compileRoutePath('/files/{path*}').fingerprints).toEqual(['/files/#']);
    expect(compileRoutePath('/api/x/').fingerprints).toEqual(['/api/x/']);
  });
});
