package nodepool

import (
	"fmt"

	"github.com/ackgo/ack/internal/optoken"
)

// tokens is the resume token format of node pool operations.
var tokens = optoken.Format[OperationKind]{Subject: "node pool", Kinds: allKinds, Pooled: true}

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
	t := optoken.Op[OperationKind]{
		Header: optoken.NewHeader(op.kind), ClusterID: op.clusterID, PoolID: op.poolID,
		TaskID: op.taskID, Region: op.client.cfg.Region(),
	}
	if op.hasNodes {
		t.Nodes = &op.nodes
	}
	token, err := tokens.Mint(t)
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
	t, err := tokens.Open(token, kinds, c.cfg.Region())
	if err != nil {
		return nil, err
	}
	op := c.newOperation(t.Kind, t.ClusterID, t.PoolID, t.TaskID, "")
	if t.Nodes != nil {
		op.withNodes(*t.Nodes)
	}
	return op, nil
}

// parseResumeToken decodes and checks a token, whatever its region.
func parseResumeToken(token string) (optoken.Op[OperationKind], error) {
	return tokens.Open(token, nil, "")
}
