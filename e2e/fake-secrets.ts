// Fake credentials set for the whole browser-test run (build and server): the secrets test proves none of them
// reaches a page, an API response, an export, the share page, the client bundle or the server log.
// They are fake, and no provider model is connected with them (hosted Portkey needs PORTKEY_PROVIDER_* too), so
// nothing ever tries to reach a real provider.
export const FAKE_SECRETS: Record<string, string> = {
  OPENAI_API_KEY: "sk-e2e-FAKE-openai-7f3a9c1e5b2d4f60",
  ANTHROPIC_API_KEY: "sk-ant-e2e-FAKE-anthropic-91c2b7e4d3a5",
  TOGETHER_API_KEY: "e2e-FAKE-together-5d8e2f1a7c3b9e40",
  PORTKEY_API_KEY: "pk-e2e-FAKE-portkey-3c6d9e2f8a1b4c70",
  SHARE_TOKEN_PEPPER: "e2e-FAKE-pepper-0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e",
};
