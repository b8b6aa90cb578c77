// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const INFRASTRUCTURE = [
  'config',
  'errors',
  'events',
  'database',
  'graphql',
  'logging',
  'worker',
  'html',
  'outbound',
  'rate-limits',
];
const FEATURES = [
  'identity',
  'audit',
  'audit-review',
  'proposals',
  'approvals',
  'notifications',
  'decision-page',
  'account-page',
  'slack',
];

/** Imports that cross a library's wall other than through its index (or its pure rules' index). */
const throughIndexOnly = [
  {
    regex: '^@standpoint/[^/]+/(?!rules$)',
    message: 'Import a library through its index: @standpoint/<lib> (or @standpoint/<lib>/rules).',
  },
  {
    group: ['../../*/src', '../../*/src/*', '../../../libs/*'],
    message: 'Import another library as @standpoint/<lib>.',
  },
];

/** The refusals domain code throws are framework-free; the API layer only answers them. */
const errorsFromTheirLibrary = {
  name: '@standpoint/graphql',
  importNames: ['DomainError', 'RefusalCode', 'FieldProblem'],
  message: 'Domain errors come from @standpoint/errors: the API layer only answers them.',
};

/** Resolvers take their arguments validated: through the Args of @standpoint/graphql. */
const argsValidated = {
  name: '@nestjs/graphql',
  importNames: ['Args'],
  message: 'Take arguments with Args from @standpoint/graphql: it validates them.',
};

/**
 * A flat config's later `no-restricted-imports` replaces an earlier one for the same files, so every
 * library block restates the walls all libraries share before adding its own.
 */
const libraryImports = (...patterns) => [
  'error',
  { paths: [errorsFromTheirLibrary, argsValidated], patterns: [...throughIndexOnly, ...patterns] },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'coverage/',
      'libs/database/src/migrations/',
      'examples/client/gql/',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [errorsFromTheirLibrary, argsValidated] }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': libraryImports(),
    },
  },
  {
    // Emails are notices that listen: a feature's services record what happened on the audit trail
    // and the notices (its notices/ folder, wired to the dispatcher by its module) send the emails.
    files: ['libs/approvals/src/**/*.ts', 'libs/proposals/src/**/*.ts'],
    ignores: ['**/notices/**', '**/*.module.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': libraryImports(
        {
          group: ['./notices', './notices/*', '../notices', '../notices/*'],
          message: 'Services do not call the notices: the notices subscribe to the events.',
        },
        {
          group: ['@standpoint/notifications'],
          importNamePattern: '^(OutboxService|EmailToMember|\\w+Email|Email[A-Z]\\w*)$',
          message:
            'Services send no email: record the event (with its facts) and let a notice subscribe to it.',
        },
      ),
    },
  },
  {
    // An email template is a plain function of its facts and its recipient, in the house look of
    // the notifications' email kit: rendered and tested without a database or a framework.
    files: [
      'libs/notifications/src/email/kit/**/*.ts',
      'libs/approvals/src/notices/emails/**/*.ts',
      'libs/proposals/src/notices/mention-email.ts',
      'libs/account-page/src/account-link-emails.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': libraryImports(
        {
          group: ['@nestjs/*', 'typeorm', '@standpoint/database'],
          message:
            'Templates read no database and need no framework: their notice gathers the facts.',
        },
        {
          group: ['@standpoint/notifications'],
          importNamePattern: '^\\w+(Service|Entity|Module)$',
          message: 'Templates take the email kit from notifications, never its transport.',
        },
      ),
    },
  },
  {
    // The house rule: infrastructure never imports a feature.
    files: INFRASTRUCTURE.map((lib) => `libs/${lib}/**/*.ts`),
    rules: {
      'no-restricted-imports': libraryImports({
        group: [...FEATURES, 'testing'].map((lib) => `@standpoint/${lib}`),
        message: 'Infrastructure never imports a feature.',
      }),
    },
  },
  {
    // The workflow rules are plain TypeScript, tested in isolation: no framework in them.
    files: [
      'libs/audit-review/src/decision-record/decision-record-lines.ts',
      'libs/audit-review/src/decision-record/decision-record-types.ts',
      'libs/audit-review/src/decision-record/draft-changes.ts',
      'libs/audit-review/src/decision-record/audit-data.ts',
      'libs/audit/src/rules/**/*.ts',
      'libs/identity/src/access-policy.ts',
      'libs/proposals/src/rules/**/*.ts',
      'libs/approvals/src/rules/**/*.ts',
      'libs/slack/src/rules/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm'],
              message: 'Workflow rules import no framework.',
            },
            {
              regex: '^@standpoint/(?!events$)(?![^/]+/rules$)',
              message:
                'Workflow rules import no framework: only other rules, @standpoint/<lib>/rules, and the event catalog.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every library may throw a domain error, so its library stands on nothing.
    files: ['libs/errors/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'graphql', 'typeorm', 'express', '@standpoint/*'],
              message: 'Domain errors import no framework and no other library.',
            },
          ],
        },
      ],
    },
  },
  {
    // The event catalog is the bottom of the graph: plain types every library may speak.
    files: ['libs/events/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', '@standpoint/*', '../../*/src', '../../*/src/*'],
              message: 'The event catalog imports no framework and no other library.',
            },
          ],
        },
      ],
    },
  },
  {
    // One owner per aggregate: proposals alone queries and writes its tables; its neighbours use
    // its readers and operations (ProposalReader, ProposalTransitions) and may name a row's type.
    files: ['libs/**/*.ts'],
    ignores: ['libs/proposals/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@standpoint/proposals',
              importNames: [
                'ProposalEntity',
                'RevisionEntity',
                'EvidenceEntity',
                'RiskNoteEntity',
                'RecommendationEntity',
              ],
              allowTypeImports: true,
              message:
                'The proposals library owns its tables: use ProposalReader or ProposalTransitions (a type import is fine).',
            },
          ],
        },
      ],
    },
  },
  {
    // Jest's global setup cannot resolve @standpoint/* aliases; it names the files it needs.
    files: [
      'libs/testing/src/global-setup.ts',
      'libs/testing/src/global-teardown.ts',
      'libs/testing/src/test-database.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.medium-spec.ts',
      '**/*.e2e-spec.ts',
      'libs/testing/**/*.ts',
      'test/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The example client is written as a user of the API writes one: it knows the schema and
    // the generated types, nothing of the server.
    files: ['examples/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@standpoint/*', '../../*'],
              message: 'The example client imports nothing of the server: only its gql/ types.',
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line programs talk to people on their terminal.
    files: ['apps/cli/**/*.ts', 'tools/**/*.ts', 'bin/*.js'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
