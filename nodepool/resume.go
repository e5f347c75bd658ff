package nodepool

import (
	"fmt"
	"strings"

	"github.com/ackgo/ack/internal/optoken"
)

// tokens is the resume token format of node pool operations.
var tokens = optoken.Format[OperationKind]{Subject: "node pool", Kinds: allKinds}

// resumeToken is what a resume token holds, as JSON, before base64url.
type resumeToken struct {
	optoken.Header[OperationKind]
	ClusterID string `json:"cluster_id"`
	PoolID    string `json:"nodepool_id"`
	TaskID    string `json:"task_id,omitempty"`
	Region    string `json:"region,omitempty"`
	Nodes     *int   `json:"nodes,omitempty"`
}

// ResumeToken returns a token from which Client.ResumeOperation, in this
// process or another, rebuilds the operation to wait for it. The token is
// base64url (no padding) of a JSON object: the format version (v: 1), the
// kind ("nodepool.create", ...), the cluster, pool and task IDs, the
// region of the Config and, for a scale or removal whose task is unknown,
// the node count it waits for. It holds no secret. A completed operation
// has no token.
func (op *Operation) ResumeToken() (string, error) {
	if op.client == nil {
		return "", fmt.Errorf("node pool %s: %s operation is completed and has no resume token", op.poolID, op.kind)
	}
	t := resumeToken{
		Header: optoken.NewHeader(op.kind), ClusterID: op.clusterID, PoolID: op.poolID,
		TaskID: op.taskID, Region: op.client.cfg.Region(),
	}
	if op.hasNodes {
		t.Nodes = &op.nodes
	}
	token, err := tokens.Encode(&t)
	if err != nil {
		return "", fmt.Errorf("node pool %s: resume token: %w", op.poolID, err)
	}
	return token, nil
}

// ResumeOperation rebuilds an operation from a token of ResumeToken, to
// continue its wait; it makes no call. kinds, when given, are the kinds
// the caller expects. It refuses, with an error matching ack.ErrInvalid, a
// token that is malformed, of another version, of a kind that is not a
// node pool operation's or not one of kinds, or taken in another region
// than the client's.
func (c *Client) ResumeOperation(token string, kinds ...OperationKind) (*Operation, error) {
	t, err := parseResumeToken(token)
	if err != nil {
		return nil, err
	}
	if err := tokens.Check(t.Kind, kinds, t.Region, c.cfg.Region()); err != nil {
		return nil, err
	}
	op := c.newOperation(t.Kind, t.ClusterID, t.PoolID, t.TaskID, "")
	if t.Nodes != nil {
		op.withNodes(*t.Nodes)
	}
	return op, nil
}

// parseResumeToken decodes and checks a token.
func parseResumeToken(token string) (resumeToken, error) {
	var t resumeToken
	if err := tokens.Decode(token, &t); err != nil {
		return t, err
	}
	switch {
	case t.ClusterID == "" || t.PoolID == "":
		return t, tokens.Errorf("no cluster or node pool ID")
	case strings.ContainsAny(t.ClusterID+t.PoolID+t.TaskID, "/?#\x00"):
		return t, tokens.Errorf("an ID holds a character IDs never hold")
	case t.Nodes != nil && *t.Nodes < 0:
		return t, tokens.Errorf("node count %d is negative", *t.Nodes)
	}
	return t, nil
}
