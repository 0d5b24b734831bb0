// The namespace lab: the surface the CLI and the integration tests of other stages use.
export { buildBlueprint, kernelNameProblem, vethBatchLines } from './blueprint.js';
export type {
  LabAddress,
  LabBlueprint,
  LabClient,
  LabMapping,
  LabNamespace,
  LabVeth,
  NamespaceRole,
} from './blueprint.js';
export { labDown } from './down.js';
export type { LabDownOptions, LabDownResult } from './down.js';
export { labEnvName } from './env-name.js';
export {
  CLIENT_INTERFACE,
  LAB_BRIDGE,
  LAB_PREFIX,
  clientNamespace,
  labNamespace,
  mgmtNamespace,
  segmentNamespace,
  vethPeerName,
} from './naming.js';
export { LabError, execaRunner, listNamespaces } from './runner.js';
export type { IpResult, IpRunner, LabErrorKind } from './runner.js';
export { labStatePath, readLabState } from './state.js';
export type { LabState, StateLocation } from './state.js';
export { labStatus } from './status.js';
export type { LabStatus } from './status.js';
export { labUp } from './up.js';
export type { LabUpOptions, LabUpResult } from './up.js';
