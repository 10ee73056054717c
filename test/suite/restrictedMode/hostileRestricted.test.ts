import * as assert from 'node:assert/strict';
import { withAliasBomb } from '../aliasBomb';
import { extensionApi, findNode } from '../suiteHelpers';

describe('hostile dvc.yaml in Restricted Mode', () => {
  it('an alias bomb in an untrusted folder is refused at its file; the demo pipeline still shows', async () => {
    const api = await extensionApi();
    await withAliasBomb((_uri, diagnostics) => {
      assert.match(diagnostics[0]?.message ?? '', /too many aliases/);
      assert.ok(findNode(api.pipelineTree.rootNodes(), 'train'), 'the demo pipeline still shows its stages');
    });
  }).timeout(120_000);
});
