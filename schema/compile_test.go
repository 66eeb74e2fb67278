package schema

import "testing"

// TestEmbeddedCompiles compiles every endpoint of the embedded contract, which
// Default compiles only at first use.
func TestEmbeddedCompiles(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.compiled(); err != nil {
		t.Fatal(err)
	}
	for _, ep := range endpoints {
		if c.Root(ep) == nil {
			t.Errorf("%s: not compiled", ep)
		}
	}
}
