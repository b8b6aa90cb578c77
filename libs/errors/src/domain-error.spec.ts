import { DomainError, RefusalCode } from './domain-error';

describe('DomainError', () => {
  it('names each bad field, its rules and what is wrong, and lists them in details', () => {
    const error = DomainError.invalidFields([
      { field: 'input.title', rules: ['isNotEmpty'], messages: ['title should not be empty'] },
      {
        field: 'input.publishAt',
        rules: ['future', 'inWindow'],
        messages: ['has passed', 'is outside the window'],
      },
    ]);

    expect(error.code).toBe(RefusalCode.BAD_USER_INPUT);
    expect(error.message).toBe(
      'Invalid input: input.title: title should not be empty (isNotEmpty). ' +
        'input.publishAt: has passed; is outside the window (future, inWindow)',
    );
    expect(error.details).toEqual({
      fields: [
        { field: 'input.title', rules: ['isNotEmpty'], messages: ['title should not be empty'] },
        {
          field: 'input.publishAt',
          rules: ['future', 'inWindow'],
          messages: ['has passed', 'is outside the window'],
        },
      ],
    });
  });

  it('tells how long to wait before trying again', () => {
    const error = DomainError.tooManyRequests('Slow down', 30);

    expect([error.code, error.message, error.details]).toEqual([
      RefusalCode.TOO_MANY_REQUESTS,
      'Slow down',
      { retryAfterSeconds: 30 },
    ]);
  });

  it('is an Error with its own name, so logs and catch blocks see it as one', () => {
    const error = DomainError.notFound('Proposal');

    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.code, error.message]).toEqual([
      'DomainError',
      RefusalCode.NOT_FOUND,
      'Proposal not found',
    ]);
  });
});
