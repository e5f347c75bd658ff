package cluster

import (
	"fmt"

	"github.com/ackgo/ack/internal/optoken"
	"github.com/ackgo/ack/version"
)

// tokens is the resume token format of cluster operations.
var tokens = optoken.Format[OperationKind]{Subject: "cluster", Kinds: allKinds}

// ResumeToken returns a token from which Client.ResumeOperation, in this
// process or another, rebuilds the operation to wait for it. The token is
// base64url (no padding) of a JSON object: the format version (v: 1), the
// kind ("cluster.create", ...), the cluster and task IDs, the region of
// the Config and, for an upgrade, its target version. It holds no secret.
// A completed operation has no token.
func (op *Operation) ResumeToken() (string, error) {
	if op.client == nil {
		return "", fmt.Errorf("cluster %s: %s operation is completed and has no resume token", op.clusterID, op.kind)
	}
	token, err := tokens.Mint(optoken.Op[OperationKind]{
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
// cluster operation's or not one of kinds, taken in another region than
// the client's, or of an upgrade without a valid target version.
func (c *Client) ResumeOperation(token string, kinds ...OperationKind) (*Operation, error) {
	t, err := openResumeToken(token, kinds, c.cfg.Region())
	if err != nil {
		return nil, err
	}
	if t.Kind == KindUpgrade {
		return c.newUpgradeOperation(t.ClusterID, t.TaskID, "", t.Target), nil
	}
	return c.newOperation(t.Kind, t.ClusterID, t.TaskID, ""), nil
}

// openResumeToken opens a token (optoken.Format.Open) and checks what is
// the cluster package's own: an upgrade's target version.
func openResumeToken(token string, kinds []OperationKind, region string) (optoken.Op[OperationKind], error) {
	t, err := tokens.Open(token, kinds, region)
	if err != nil {
		return t, err
	}
	switch {
	case t.Kind == KindUpgrade && t.Target == "":
		return t, tokens.Errorf("an upgrade token without its target version")
	case t.Kind == KindUpgrade:
		if _, err := version.Parse(t.Target); err != nil {
			return t, tokens.Errorf("target: %v", err)
		}
	}
	return t, nil
}

// parseResumeToken decodes and checks a token, whatever its region.
func parseResumeToken(token string) (optoken.Op[OperationKind], error) {
	return openResumeToken(token, nil, "")
}
