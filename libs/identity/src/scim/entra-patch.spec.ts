import { withEntraBooleans } from './entra-patch';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('withEntraBooleans', () => {
  it('reads Entra’s "False" and "True" for active, with and without a path', () => {
    expect(
      withEntraBooleans({
        schemas: [PATCH_OP],
        Operations: [
          { op: 'Replace', path: 'active', value: 'False' },
          { op: 'replace', value: { active: 'True', displayName: 'Ada' } },
        ],
      }),
    ).toEqual({
      schemas: [PATCH_OP],
      Operations: [
        { op: 'Replace', path: 'active', value: false },
        { op: 'replace', value: { active: true, displayName: 'Ada' } },
      ],
    });
  });

  it('leaves real booleans, other attributes and other strings as they are', () => {
    const message = {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'active', value: false },
        { op: 'replace', path: 'displayName', value: 'False' },
        { op: 'replace', path: 'active', value: 'maybe' },
      ],
    };
    expect(withEntraBooleans(message)).toEqual(message);
    expect(withEntraBooleans('not a message')).toBe('not a message');
  });
});
