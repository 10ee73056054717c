// The Restricted Mode suite: the same demo, opened without trust.
import './restrictedMode.test';
import './experiments.test';
