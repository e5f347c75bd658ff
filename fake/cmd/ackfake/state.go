package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ackgo/ack/fake"
)

// loadState reads the JSON state file of -state: a fake.State as GET
// /_fake/state answers it (the answer's request_id is ignored).
func loadState(path string) (fake.State, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return fake.State{}, fmt.Errorf("-state: %w", err)
	}
	var s fake.State
	if err := json.Unmarshal(data, &s); err != nil {
		return fake.State{}, fmt.Errorf("-state %s: %w", path, err)
	}
	return s, nil
}

// saveState writes s as JSON to path for -save, readable and writable by
// its owner only (it holds passwords): to a new file in the same
// directory, renamed over path once complete, so that a crash never
// leaves half a state behind.
func saveState(path string, s fake.State) (err error) {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("-save: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("-save: %w", err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return fmt.Errorf("-save: %w", err)
	}
	if _, err := f.Write(append(data, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("-save: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("-save: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("-save: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("-save: %w", err)
	}
	return nil
}
