package cluster

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/ackgo/ack"
)

// resumeVersion is the version of the resume token format.
const resumeVersion = 1

// maxTokenLen bounds the tokens ResumeOperation reads; real ones are a few
// hundred bytes.
const maxTokenLen = 4096

// resumeToken is what a resume token holds, as JSON, before base64url.
type resumeToken struct {
	Version   int           `json:"v"`
	Kind      OperationKind `json:"kind"`
	ClusterID string        `json:"cluster_id"`
	TaskID    string        `json:"task_id,omitempty"`
	Region    string        `json:"region,omitempty"`
}

// ResumeToken returns a token from which Client.ResumeOperation, in this
// process or another, rebuilds the operation to wait for it. The token is
// base64url (no padding) of a JSON object: the format version (v: 1), the
// kind ("cluster.create", ...), the cluster and task IDs and the region of
// the Config. It holds no secret. A completed operation has no token.
func (op *Operation) ResumeToken() (string, error) {
	if op.client == nil {
		return "", fmt.Errorf("cluster %s: %s operation is completed and has no resume token", op.clusterID, op.kind)
	}
	b, err := json.Marshal(resumeToken{
		Version: resumeVersion, Kind: op.kind, ClusterID: op.clusterID, TaskID: op.taskID, Region: op.client.cfg.Region(),
	})
	if err != nil {
		return "", fmt.Errorf("cluster %s: resume token: %w", op.clusterID, err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// ResumeOperation rebuilds an operation from a token of ResumeToken, to
// continue its wait; it makes no call. kinds, when given, are the kinds
// the caller expects. It refuses, with an error matching ack.ErrInvalid, a
// token that is malformed, of another version, of a kind that is not a
// cluster operation's or not one of kinds, or taken in another region
// than the client's.
func (c *Client) ResumeOperation(token string, kinds ...OperationKind) (*Operation, error) {
	t, err := parseResumeToken(token)
	if err != nil {
		return nil, err
	}
	if len(kinds) > 0 && !slices.Contains(kinds, t.Kind) {
		return nil, resumeError("kind %q is not the expected %s", t.Kind, kindList(kinds))
	}
	if r := c.cfg.Region(); t.Region != "" && r != "" && t.Region != r {
		return nil, resumeError("taken in region %s, but this client is for %s", t.Region, r)
	}
	return c.newOperation(t.Kind, t.ClusterID, t.TaskID, ""), nil
}

// parseResumeToken decodes and checks a token.
func parseResumeToken(token string) (resumeToken, error) {
	var t resumeToken
	if token == "" {
		return t, resumeError("empty")
	}
	if len(token) > maxTokenLen {
		return t, resumeError("%d bytes long; a token is at most %d", len(token), maxTokenLen)
	}
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return t, resumeError("not base64url: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return t, resumeError("not a JSON token object: %v", err)
	}
	if dec.More() {
		return t, resumeError("trailing data after the token object")
	}
	switch {
	case t.Version != resumeVersion:
		return t, resumeError("version %d; this client reads version %d", t.Version, resumeVersion)
	case !slices.Contains(allKinds, t.Kind):
		return t, resumeError("kind %q is not a cluster operation (%s)", t.Kind, kindList(allKinds))
	case t.ClusterID == "":
		return t, resumeError("no cluster ID")
	case strings.ContainsAny(t.ClusterID+t.TaskID, "/?#\x00"):
		return t, resumeError("the cluster or task ID holds a character IDs never hold")
	}
	return t, nil
}

// resumeError reports a token that cannot be resumed.
func resumeError(format string, args ...any) error {
	return fmt.Errorf("cluster resume token: %s: %w", fmt.Sprintf(format, args...), ack.ErrInvalid)
}

// kindList joins kinds for a message.
func kindList(ks []OperationKind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}
