import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { commandIds } from '../../../src/commandIds';
import { settingKeys } from '../../../src/config/settings';
import { extensionApi, extensionId } from '../suiteHelpers';

interface Manifest {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, unknown> };
  };
}

function manifest(): Manifest {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension);
  return extension.packageJSON as Manifest;
}

describe('manifest and registrations', () => {
  before(async () => {
    await extensionApi();
  });

  it('registers exactly the commands the manifest contributes', async () => {
    const declared = manifest()
      .contributes.commands.map((command) => command.command)
      .sort();
    assert.deepEqual(declared, Object.values(commandIds).sort());
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'every contributed command is registered');
  });

  it('titles every command "DVC Lens: ..." through its category', () => {
    for (const command of manifest().contributes.commands) {
      assert.equal(command.category, 'DVC Lens', command.command);
      assert.ok(command.title.length > 0 && !command.title.startsWith('DVC Lens'), command.command);
    }
  });

  it('declares exactly the settings the code reads, all under dvcLens.*', () => {
    const declared = Object.keys(manifest().contributes.configuration.properties).sort();
    assert.deepEqual(declared, Object.values(settingKeys).sort());
    assert.ok(declared.every((key) => key.startsWith('dvcLens.')));
  });

  it('activates only where it has work and is limited in untrusted workspaces', () => {
    const { activationEvents, capabilities } = manifest();
    assert.ok(!activationEvents.includes('*') && !activationEvents.includes('onStartupFinished'));
    assert.ok(activationEvents.some((event) => event.startsWith('workspaceContains:')));
    assert.equal(capabilities.untrustedWorkspaces.supported, 'limited');
  });
});
