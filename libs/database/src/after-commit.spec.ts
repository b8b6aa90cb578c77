import { AfterCommitHooks } from './after-commit';

describe('AfterCommitHooks', () => {
  it('runs nothing until run is called, then every hook in the order queued', async () => {
    const hooks = new AfterCommitHooks();
    const ran: string[] = [];
    hooks.add(() => void ran.push('first'));
    hooks.add(async () => {
      await Promise.resolve();
      ran.push('second');
    });
    hooks.add(() => void ran.push('third'));

    expect(ran).toEqual([]);
    expect(await hooks.run()).toEqual([]);
    expect(ran).toEqual(['first', 'second', 'third']);
  });

  it('waits for each hook before starting the next', async () => {
    const hooks = new AfterCommitHooks();
    const ran: string[] = [];
    hooks.add(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      ran.push('slow');
    });
    hooks.add(() => void ran.push('fast'));

    await hooks.run();
    expect(ran).toEqual(['slow', 'fast']);
  });

  it('runs the other hooks when one fails and returns the failures', async () => {
    const hooks = new AfterCommitHooks();
    const ran: string[] = [];
    const broken = new Error('listener broke');
    hooks.add(() => {
      throw broken;
    });
    hooks.add(async () => Promise.reject(new Error('async failure')));
    hooks.add(() => void ran.push('after the failures'));

    const errors = await hooks.run();
    expect(errors).toEqual([broken, new Error('async failure')]);
    expect(ran).toEqual(['after the failures']);
  });

  it('counts what is queued', () => {
    const hooks = new AfterCommitHooks();
    expect(hooks.size).toBe(0);
    hooks.add(() => undefined);
    hooks.add(() => undefined);
    expect(hooks.size).toBe(2);
  });

  it('refuses a hook queued after the run and a second run', async () => {
    const hooks = new AfterCommitHooks();
    await hooks.run();
    expect(() => hooks.add(() => undefined)).toThrow(/already committed/);
    await expect(hooks.run()).rejects.toThrow(/once/);
  });
});
