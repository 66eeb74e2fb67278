module example.com/sdk

go 1.26.0

require (
	github.com/cohesion-org/deepseek-go v1.3.2
	github.com/sashabaranov/go-openai v1.43.0
)

require (
	github.com/coder/websocket v1.8.15 // indirect
	github.com/joho/godotenv v1.5.1 // indirect
	github.com/ollama/ollama v0.6.5 // indirect
	github.com/tidwall/gjson v1.20.0 // indirect
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.2.1 // indirect
	github.com/tidwall/sjson v1.2.5 // indirect
)

require github.com/openai/openai-go/v3 v3.96.0
