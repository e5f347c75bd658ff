package fake

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/ackgo/ack/internal/wire"
)

// The prologue the writes share: decode the body, lock the store, and find
// the cluster (and the pool) the path names, brought up to the clock's
// now. A refused prologue answers with its error and changes nothing.

// decodeBody unmarshals a required JSON body.
func decodeBody(action string, body []byte, v any) *Error {
	if len(strings.TrimSpace(string(body))) == 0 {
		return NewError(InvalidParameter, "%s needs a JSON body", action)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return NewError(InvalidParameterFormat, "%s body: %v", action, err)
	}
	return nil
}

// locked decodes the request's required JSON body into body (no body is
// read when body is nil), then runs fn with the store locked, at the
// clock's now. A body that does not decode is refused before the lock is
// taken.
func (c *Cloud) locked(r *request, body any, fn func(now time.Time) answer) answer {
	if body != nil {
		if e := decodeBody(r.route.Action, r.body, body); e != nil {
			return fail(e)
		}
	}
	c.st.mu.Lock()
	defer c.st.mu.Unlock()
	defer c.st.changedLocked()
	return fn(c.now())
}

// withStore runs fn with the store locked and returns what it returns.
// The lock is released by defer, so that a panic in fn (which the handler
// turns into an InternalError answer) leaves the store usable.
func withStore[T any](st *store, fn func() (T, *Error)) (T, *Error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	return fn()
}

// onCluster is locked, on the cluster the path names: a cluster that does
// not exist is refused with ErrorClusterNotFound.
func (c *Cloud) onCluster(r *request, body any, fn func(rec *clusterRec, now time.Time) answer) answer {
	return c.locked(r, body, func(now time.Time) answer {
		rec, e := c.st.clusterLocked(r.params[wire.ParamClusterID], now, false)
		if e != nil {
			return fail(e)
		}
		return fn(rec, now)
	})
}

// onPool is locked, on the cluster and the node pool the path names: a
// cluster or a pool that does not exist is refused with
// ErrorClusterNotFound or ErrorNodePoolNotFound.
func (c *Cloud) onPool(r *request, body any, fn func(rec *clusterRec, p *poolRec, now time.Time) answer) answer {
	return c.locked(r, body, func(now time.Time) answer {
		rec, p, e := c.poolTargetLocked(r, now)
		if e != nil {
			return fail(e)
		}
		return fn(rec, p, now)
	})
}

// poolTargetLocked returns the cluster and the pool a request names,
// brought up to now.
func (c *Cloud) poolTargetLocked(r *request, now time.Time) (*clusterRec, *poolRec, *Error) {
	rec, e := c.st.clusterLocked(r.params[wire.ParamClusterID], now, false)
	if e != nil {
		return nil, nil, e
	}
	p, e := c.st.poolLocked(rec, r.params[wire.ParamNodepoolID], now)
	if e != nil {
		return nil, nil, e
	}
	return rec, p, nil
}
