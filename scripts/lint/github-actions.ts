/**
 * The actions the workflows may use, each at one major: what it runs on and the inputs its
 * action.yml declares at the release named. actionlint knows the inputs of older majors only;
 * this table lets the workflow check catch a misspelt input of these ones too. Moving to a new
 * major means reading its action.yml and updating its line here.
 */
export interface ActionFacts {
  /** The release whose action.yml the facts were read from. */
  release: string;
  /** `runs.using`: Node 20 actions stopped running on GitHub's runners in 2026. */
  runs: 'node24' | 'composite';
  inputs: readonly string[];
  required?: readonly string[];
}

export const ACTIONS: Readonly<Record<string, ActionFacts>> = {
  'actions/checkout@v7': {
    release: 'v7.0.1',
    runs: 'node24',
    inputs: [
      'allow-unsafe-pr-checkout',
      'clean',
      'fetch-depth',
      'fetch-tags',
      'filter',
      'github-server-url',
      'lfs',
      'path',
      'persist-credentials',
      'ref',
      'repository',
      'set-safe-directory',
      'show-progress',
      'sparse-checkout',
      'sparse-checkout-cone-mode',
      'ssh-key',
      'ssh-known-hosts',
      'ssh-strict',
      'ssh-user',
      'submodules',
      'token',
    ],
  },
  'actions/setup-node@v7': {
    release: 'v7.0.0',
    runs: 'node24',
    inputs: [
      'architecture',
      'cache',
      'cache-dependency-path',
      'check-latest',
      'mirror',
      'mirror-token',
      'node-version',
      'node-version-file',
      'package-manager-cache',
      'registry-url',
      'scope',
      'token',
    ],
  },
  'actions/setup-python@v7': {
    release: 'v7.0.0',
    runs: 'node24',
    inputs: [
      'allow-prereleases',
      'architecture',
      'cache',
      'cache-dependency-path',
      'check-latest',
      'freethreaded',
      'pip-version',
      'python-version',
      'python-version-file',
      'token',
      'update-environment',
    ],
  },
  'actions/upload-artifact@v7': {
    release: 'v7.0.0',
    runs: 'node24',
    inputs: [
      'archive',
      'compression-level',
      'if-no-files-found',
      'include-hidden-files',
      'name',
      'overwrite',
      'path',
      'retention-days',
    ],
    required: ['path'],
  },
  'actions/download-artifact@v8': {
    release: 'v8.0.1',
    runs: 'node24',
    inputs: [
      'artifact-ids',
      'digest-mismatch',
      'github-token',
      'merge-multiple',
      'name',
      'path',
      'pattern',
      'repository',
      'run-id',
      'skip-decompress',
    ],
  },
  'actions/configure-pages@v6': {
    release: 'v6.0.0',
    runs: 'node24',
    inputs: ['enablement', 'generator_config_file', 'static_site_generator', 'token'],
  },
  'actions/upload-pages-artifact@v5': {
    release: 'v5.0.0',
    runs: 'composite',
    inputs: ['include-hidden-files', 'name', 'path', 'retention-days'],
  },
  'actions/deploy-pages@v5': {
    release: 'v5.0.0',
    runs: 'node24',
    inputs: ['artifact_name', 'error_count', 'preview', 'reporting_interval', 'timeout', 'token'],
  },
  'peter-evans/create-pull-request@v8': {
    release: 'v8.1.1',
    runs: 'node24',
    inputs: [
      'add-paths',
      'assignees',
      'author',
      'base',
      'body',
      'body-path',
      'branch',
      'branch-suffix',
      'branch-token',
      'commit-message',
      'committer',
      'delete-branch',
      'draft',
      'labels',
      'maintainer-can-modify',
      'milestone',
      'path',
      'push-to-fork',
      'reviewers',
      'sign-commits',
      'signoff',
      'team-reviewers',
      'title',
      'token',
    ],
  },
};
