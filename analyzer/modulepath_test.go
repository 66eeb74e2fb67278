package analyzer

import "testing"

// TestSDKPrefilterConditions checks what the prefilter assumes to skip decoding
// sdks.json: every package sdkPackages holds passes mayBeSDKPackage, and every
// package under a transparent package passes mayBeTransparentPackage.
func TestSDKPrefilterConditions(t *testing.T) {
	for path := range sdkPackages() {
		if !mayBeSDKPackage(path) {
			t.Errorf("sdkPackages holds %q, which mayBeSDKPackage rejects", path)
		}
	}
	for _, path := range sdks().TransparentPackages {
		for _, p := range []string{path, path + "/sub/pkg"} {
			if !mayBeTransparentPackage(p) || !sdkPackage(p) {
				t.Errorf("%q: mayBeTransparentPackage %v, sdkPackage %v; want both", p, mayBeTransparentPackage(p), sdkPackage(p))
			}
		}
	}
	for path, want := range map[string]bool{"net/http": false, "encoding/json": false, "os": false, "example": false, "example.com/x": false, "github.com/openai/openai-go/v3": true, "github.com/cohesion-org/deepseek-go": true} {
		if got := mayBeSDKPackage(path); got != want {
			t.Errorf("mayBeSDKPackage(%q) = %v, want %v", path, got, want)
		}
	}
	for path, want := range map[string]bool{"net/http": false, "example.com/x": false, "github.com/openai/openai-go/v3/option": true, "github.com/openai/openai-go/v3x": false} {
		if got := mayBeTransparentPackage(path); got != want {
			t.Errorf("mayBeTransparentPackage(%q) = %v, want %v", path, got, want)
		}
	}
}
