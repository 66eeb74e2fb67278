// Command deepseekvet checks DeepSeek API request payloads in Go code.
//
//	deepseekvet ./...
//	go vet -vettool=$(which deepseekvet) ./...
package main

import (
	"github.com/deepseekvet/deepseekvet/analyzer"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
