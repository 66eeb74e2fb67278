/*
Package analyzer defines the deepseekvet analyzer.

check DeepSeek API request payloads against DeepSeek's contract

deepseekvet finds the Go code that builds request bodies for DeepSeek's chat
completions and FIM endpoints: map[string]any literals, structs with json tags,
JSON text in string constants, and values built field by field in one function.
It lowers each to a partial JSON value (known keys, constant values, holes typed by
their Go type) and validates it against the JSON Schema contract embedded from the
schema directory. What DeepSeek rejects (HTTP 400/422) is an error; what it accepts
and silently ignores, such as OpenAI's max_completion_tokens or the deprecated
penalties, is a warning.

A payload is checked only when the code shows that it goes to DeepSeek: its model is
a constant naming a DeepSeek model, a https://api.deepseek.com URL constant reaches
the function that builds it, its type is used by such a function, or it carries a
//deepseekvet:payload directive (optionally naming the endpoint: chat, beta or fim).
Payloads for OpenAI, Anthropic, OpenRouter and other hosts stay silent.

Each diagnostic names the JSON path (messages[2].role), says what DeepSeek does,
what to write instead, and carries a stable rule ID (DS101…) documented at
https://github.com/deepseekvet/deepseekvet/blob/main/docs/rules.md.
*/
package analyzer
