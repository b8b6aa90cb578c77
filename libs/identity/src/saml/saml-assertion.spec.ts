import { rawResponseProblem } from './saml-assertion';

const base64 = (xml: string) => Buffer.from(xml).toString('base64');

describe('a posted SAMLResponse that is not even read', () => {
  it('is one with a DTD, whatever its case or place', () => {
    expect(rawResponseProblem(base64('<!DOCTYPE r [<!ENTITY a "x">]><Response/>'))).toMatch(/DTD/);
    expect(rawResponseProblem(base64('<?xml version="1.0"?>\n<!doctype r><Response/>'))).toMatch(
      /DTD/,
    );
  });

  it('is one that is empty or not base64', () => {
    expect(rawResponseProblem('')).toBe('no SAMLResponse');
    expect(rawResponseProblem('<Response/>')).toMatch(/not base64/);
  });

  it('is not a plain response', () => {
    expect(rawResponseProblem(base64('<samlp:Response ID="_1"/>'))).toBeNull();
  });
});
