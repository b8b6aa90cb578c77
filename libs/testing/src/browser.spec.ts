import { describeInBrowser } from './browser';

/** On a machine without chromium the browser tests are skipped, and the run says so and why. */
const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

describeInBrowser(
  'tests that need a browser',
  () => {
    it('never runs without one', () => {
      throw new Error('a browser test ran with no browser');
    });
  },
  '/nonexistent/chromium',
);

it('says that it skipped the browser tests, and why', () => {
  expect(warn).toHaveBeenCalledWith(
    'Skipping the browser tests "tests that need a browser": /nonexistent/chromium is missing (install Debian\'s chromium to run them).',
  );
});
