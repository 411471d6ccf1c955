import { compileRoutePath } from './route_path';

describe('compileRoutePath', () => {
  it('matches parameters, optional parameters and wildcards', () => {
    expect(compileRoutePath('/api/x/{id}').match('/api/x/a%20b')).toEqual({ id: 'a b' });
    expect(compileRoutePath('/api/x/{id}').match('/api/x/a/b')).toBeUndefined();
    expect(compileRoutePath('/api/x/{id?}').match('/api/x/')).toEqual({ id: '' });
    expect(compileRoutePath('/files/{path*}').match('/files/a/b.csv')).toEqual({ path: 'a/b.csv' });
    expect(compileRoutePath('/api/x.y').match('/api/xzy')).toBeUndefined();
  });
});
