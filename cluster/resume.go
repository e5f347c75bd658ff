package cluster

import (
	"fmt"
	"strings"

	"github.com/ackgo/ack/internal/optoken"
	"github.com/ackgo/ack/version"
)

// tokens is the resume token format of cluster operations.
var tokens = optoken.Format[OperationKind]{Subject: "cluster", Kinds: allKinds}

// resumeToken is what a resume token holds, as JSON, before base64url.
type resumeToken struct {
	optoken.Header[OperationKind]
	ClusterID string `json:"cluster_id"`
	TaskID    string `json:"task_id,omitempty"`
	Region    string `json:"region,omitempty"`
	// Target is an upgrade's target version; tokens of other kinds, and
	// every token minted before upgrades existed, have none.
	Target string `json:"target,omitempty"`
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
	token, err := tokens.Encode(&resumeToken{
		Header: optoken.NewHeader(op.kind), ClusterID: op.clusterID, TaskID: op.taskID, Region: op.client.cfg.Region(),
		Target: op.target,
	})
	if err != nil {
		return "", fmt.Errorf("cluster %s: resume token: %w", op.clusterID, err)
	}
	return token, nil
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
	if err := tokens.Check(t.Kind, kinds, t.Region, c.cfg.Region()); err != nil {
		return nil, err
	}
	if t.Kind == KindUpgrade {
		return c.newUpgradeOperation(t.ClusterID, t.TaskID, "", t.Target), nil
	}
	return c.newOperation(t.Kind, t.ClusterID, t.TaskID, ""), nil
}

// parseResumeToken decodes and checks a token.
func parseResumeToken(token string) (resumeToken, error) {
	var t resumeToken
	if err := tokens.Decode(token, &t); err != nil {
		return t, err
	}
	switch {
	case t.ClusterID == "":
		return t, tokens.Errorf("no cluster ID")
	case strings.ContainsAny(t.ClusterID+t.TaskID, "/?#\x00"):
		return t, tokens.Errorf("the cluster or task ID holds a character IDs never hold")
	case t.Kind == KindUpgrade && t.Target == "":
		return t, tokens.Errorf("an upgrade token without its target version")
	case t.Kind == KindUpgrade:
		if _, err := version.Parse(t.Target); err != nil {
			return t, tokens.Errorf("target: %v", err)
		}
	}
	return t, nil
}
