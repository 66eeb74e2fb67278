// Package envconfig loads settings from the environment with Go defaults.
package envconfig

import "os"

type Config struct { // want Config:"deepseek:chat"
	Endpoint string // want Endpoint:"fieldconsts:https://api.deepseek.com"
	Model    string // want Model:"fieldconsts:deepseek-chat"
	Port     string
}

func Load() *Config { // want Load:"deepseek:chat"
	return &Config{
		Endpoint: getEnv("DEEPSEEK_ENDPOINT", "https://api.deepseek.com"),
		Model:    getEnv("DEEPSEEK_MODEL", "deepseek-chat"),
		Port:     getEnv("PORT", "8080"),
	}
}

func getEnv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
