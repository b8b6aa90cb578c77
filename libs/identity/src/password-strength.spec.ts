import { DomainError } from '@standpoint/errors';
import { PasswordStrength } from './password-strength';

describe('PasswordStrength', () => {
  const strength = new PasswordStrength();
  const noor = {
    name: 'Noor Haddad',
    email: 'noor.haddad@harbour.example',
    brandNames: ['Harbour Coffee'],
  };

  it.each(['password12', 'aaaaaaaaaaaa', 'qwertyuiop', '1234567890ab'])(
    'refuses %s, saying why and what would help',
    (weak) => {
      const problem = strength.problem(weak, {});
      expect(problem).toMatch(/^This password is too easy to guess\. /);
      expect(problem!.length).toBeGreaterThan('This password is too easy to guess. '.length);
    },
  );

  it('counts the person’s name, email and brand as guessable words', () => {
    for (const own of ['Harbour Coffee', 'noor.haddad']) {
      expect(strength.problem(own, {})).toBeNull();
      expect(strength.problem(own, noor)).toMatch(/too easy to guess/);
    }
  });

  it('accepts a passphrase of uncommon words, whatever its character classes', () => {
    expect(strength.problem('copper lantern orchard drift', noor)).toBeNull();
  });

  it('refuses more than 200 characters', () => {
    expect(strength.problem('x'.repeat(201), {})).toMatch(/at most 200/);
  });

  it('refuses as BAD_USER_INPUT naming the field and the rule', () => {
    try {
      strength.require('password12', noor, 'newPassword');
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details).toEqual({
        fields: [
          { field: 'newPassword', rules: ['strongPassword'], messages: [expect.any(String)] },
        ],
      });
    }
  });
});
