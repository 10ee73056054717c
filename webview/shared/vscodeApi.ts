/** The webview side of `acquireVsCodeApi`, typed per panel: messages out and the UI state kept by VS Code. */
export interface WebviewApi<Out, State> {
  postMessage(message: Out): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi(): {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
};

/** Acquires the API once (VS Code allows one call per page) with the panel's message and state types. */
export function vscodeApi<Out, State>(isState: (value: unknown) => value is State): WebviewApi<Out, State> {
  const api = acquireVsCodeApi();
  return {
    postMessage: (message) => api.postMessage(message),
    getState: () => {
      const state = api.getState();
      return isState(state) ? state : undefined;
    },
    setState: (state) => api.setState(state),
  };
}
