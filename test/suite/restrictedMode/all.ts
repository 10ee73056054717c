// The Restricted Mode suite: the same demo, opened without trust.
import './restrictedMode.test';
import './remotesRestricted.test';
import './dataRestricted.test';
import './experiments.test';
import './remoteRunsRestricted.test';
import './repositoryHub.test';
import './commandRuntime.test';
import './registryRestricted.test';
import './hostileRestricted.test';
