package nodepool

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/envelope"
	"github.com/ackgo/ack/internal/vclock"
	"github.com/ackgo/ack/internal/wire"
)

// testACK is a test double of ACK's node pool API for this package's
// client tests, small on purpose: one cluster's pools and nodes in maps,
// tasks that end after a few reads of them or of their pool, and hooks
// that lose an answer after applying the call or fail a call before it.
// It answers only the calls the client makes; it is not package fake.
type testACK struct {
	mu        sync.Mutex
	cluster   string
	pools     map[string]*testPool
	tasks     map[string]*testTask
	seq       int              // the last ID number handed out
	created   time.Time        // the creation time of the last node
	calls     []testCall       // every call, in order
	count     map[string]int   // calls so far, by action
	lose      map[string][]int // per action, the calls (from 1) applied whose answer is lost
	fail502   map[string][]int // per action, the calls (from 1) answered 502 without applying
	refuse    map[string]error // per action, a rule refusal to answer with
	taskReads int              // reads a task stays running for
	failTasks *wire.TaskError  // when set, tasks fail with this error
}

// testPool is one pool of the double.
type testPool struct {
	id    string
	spec  Spec
	state State
	nodes []*testNode
	task  *testTask
	// noDesired leaves desired_size out of the detail, as for pools sized
	// by their node count.
	noDesired bool
}

// testNode is one node of a pool.
type testNode struct {
	id      string
	created time.Time
	state   string
}

// testTask is one task; finish applies its outcome to its pool.
type testTask struct {
	id     string
	reads  int
	state  string
	fail   *wire.TaskError
	pool   *testPool
	finish func()
}

// testCall is one call as the golden files record it.
type testCall struct {
	Action string            `json:"action"`
	Method string            `json:"method"`
	Path   string            `json:"path"`
	Query  map[string]string `json:"query,omitempty"`
	Body   json.RawMessage   `json:"body,omitempty"`
	// poolState is the state of the call's pool when the call arrived.
	poolState State
}

const testCluster = "c-test"

func newTestACK() *testACK {
	return &testACK{
		cluster: testCluster, pools: map[string]*testPool{}, tasks: map[string]*testTask{},
		count: map[string]int{}, lose: map[string][]int{}, fail502: map[string][]int{}, refuse: map[string]error{}, taskReads: 1,
		created: time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC),
	}
}

// client returns a client of the double on a virtual clock, so that
// waits and retries take no wall time.
func (a *testACK) client() *Client {
	cfg := ack.NewConfig(ack.WithTransport(a), ack.WithClock(vclock.NewAuto()), ack.WithRegion("cn-hangzhou"))
	return NewClient(cfg)
}

// loseAnswer makes the nth calls (from 1) of action apply and lose their
// answer.
func (a *testACK) loseAnswer(action string, nth ...int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.lose[action] = append(a.lose[action], nth...)
}

// failBefore makes the nth calls of action fail with a 502 without being
// applied.
func (a *testACK) failBefore(action string, nth ...int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.fail502[action] = append(a.fail502[action], nth...)
}

// seed adds an active pool with initial nodes created with it and
// scaleOut nodes added later; it returns the pool.
func (a *testACK) seed(spec Spec, initial, scaleOut int) *testPool {
	a.mu.Lock()
	defer a.mu.Unlock()
	p := &testPool{id: a.id("np"), spec: spec.Clone(), state: StateActive}
	a.addNodes(p, initial)
	a.addNodes(p, scaleOut)
	if !spec.AutoScaling.Enabled {
		p.spec.DesiredSize = initial + scaleOut
	}
	a.pools[p.id] = p
	return p
}

// pool returns a copy of the state of a pool, for assertions.
func (a *testACK) pool(id string) (spec Spec, state State, nodes []testNode, ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	p, ok := a.pools[id]
	if !ok {
		return Spec{}, "", nil, false
	}
	for _, n := range p.nodes {
		nodes = append(nodes, *n)
	}
	return p.spec.Clone(), p.state, nodes, true
}

// mutating returns the actions of the calls that were not reads.
func (a *testACK) mutating() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []string
	for _, c := range a.calls {
		if c.Method != http.MethodGet {
			out = append(out, c.Action)
		}
	}
	return out
}

// recorded returns every call so far.
func (a *testACK) recorded() []testCall {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Clone(a.calls)
}

func (a *testACK) id(prefix string) string {
	a.seq++
	return fmt.Sprintf("%s-%04d", prefix, a.seq)
}

// addNodes adds n running nodes to pool p, a second apart. ACK's wire
// tells no node's origin, so neither does this double.
func (a *testACK) addNodes(p *testPool, n int) {
	for range n {
		a.created = a.created.Add(time.Second)
		p.nodes = append(p.nodes, &testNode{id: a.id("i"), created: a.created, state: "running"})
	}
}

// RoundTrip answers one request.
func (a *testACK) RoundTrip(_ context.Context, req *ack.Request) (*ack.Response, error) {
	route, params, ok := wire.MatchRequest(req)
	if !ok || params[wire.ParamClusterID] != "" && params[wire.ParamClusterID] != a.cluster {
		return answer(http.StatusNotFound, envelope.ErrorBody{Code: "ErrorClusterNotFound", Message: "no such cluster"}), nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	call := testCall{Action: route.Action, Method: req.Method, Path: req.Path, Body: json.RawMessage(req.Body)}
	for k, v := range req.Query {
		if call.Query == nil {
			call.Query = map[string]string{}
		}
		call.Query[k] = v[0]
	}
	if p, ok := a.pools[params[wire.ParamNodepoolID]]; ok {
		call.poolState = p.state
	}
	a.calls = append(a.calls, call)
	a.count[route.Action]++
	n := a.count[route.Action]
	if slices.Contains(a.fail502[route.Action], n) {
		return answer(http.StatusBadGateway, envelope.ErrorBody{Code: "InternalError", Message: "bad gateway"}), nil
	}
	if err := a.refuse[route.Action]; err != nil {
		return answer(http.StatusBadRequest, envelope.ErrorBody{Code: "InvalidParameter", Message: err.Error()}), nil
	}
	resp := a.serve(route.Action, params, req)
	if slices.Contains(a.lose[route.Action], n) {
		return nil, fmt.Errorf("test double: %s: the answer was lost: %w", route.Action, io.ErrUnexpectedEOF)
	}
	return resp, nil
}

// serve applies one call; a.mu is held.
func (a *testACK) serve(action string, params map[string]string, req *ack.Request) *ack.Response {
	if action == wire.ActionDescribeTaskInfo {
		t, ok := a.tasks[params[wire.ParamTaskID]]
		if !ok {
			return answer(http.StatusNotFound, envelope.ErrorBody{Code: "ErrorTaskNotFound"})
		}
		a.advance(t)
		return answer(http.StatusOK, wire.TaskInfo{TaskID: t.id, ClusterID: a.cluster, State: t.state, Error: t.fail})
	}
	switch action {
	case wire.ActionCreateClusterNodePool:
		return a.create(req)
	case wire.ActionDescribeClusterNodePools:
		var out []json.RawMessage
		for _, p := range a.sortedPools() {
			if name := req.Query.Get("NodepoolName"); name == "" || p.spec.Name == name {
				out = append(out, a.render(p))
			}
		}
		return answer(http.StatusOK, map[string]any{"nodepools": append([]json.RawMessage{}, out...)})
	case wire.ActionDescribeClusterNodes:
		return a.nodes(req)
	}
	p, ok := a.pools[params[wire.ParamNodepoolID]]
	if !ok {
		return answer(http.StatusNotFound, envelope.ErrorBody{Code: "ErrorNodePoolNotFound", Message: "no such node pool"})
	}
	switch action {
	case wire.ActionDescribeClusterNodePoolDetail:
		if p.task != nil {
			a.advance(p.task)
			if _, still := a.pools[p.id]; !still {
				return answer(http.StatusNotFound, envelope.ErrorBody{Code: "ErrorNodePoolNotFound", Message: "no such node pool"})
			}
		}
		return answer(http.StatusOK, a.render(p))
	case wire.ActionModifyClusterNodePool:
		var body wire.ModifyNodePoolRequest
		if err := json.Unmarshal(req.Body, &body); err != nil {
			return answer(http.StatusBadRequest, envelope.ErrorBody{Code: "InvalidParameter", Message: err.Error()})
		}
		p.spec = applyModifyRequest(p.spec, &body)
		return a.start(p, StateUpdating, func() { p.state = StateActive })
	case wire.ActionScaleClusterNodePool:
		body, err := wire.Decode[wire.ScaleNodePoolRequest](req.Body)
		if err != nil || body.Count < 1 || body.Count > MaxScaleCount {
			return answer(http.StatusBadRequest, envelope.ErrorBody{Code: "InvalidParameter", Message: fmt.Sprintf("count %d", body.Count)})
		}
		a.addNodes(p, int(body.Count))
		p.spec.DesiredSize += int(body.Count)
		return a.start(p, StateScaling, func() { p.state = StateActive })
	case wire.ActionRemoveNodePoolNodes:
		return a.remove(p, req)
	case wire.ActionDeleteClusterNodepool:
		return a.start(p, StateDeleting, func() { delete(a.pools, p.id) })
	}
	return answer(http.StatusBadRequest, envelope.ErrorBody{Code: "NotImplemented", Message: action})
}

func (a *testACK) create(req *ack.Request) *ack.Response {
	var body wire.Nodepool
	if err := json.Unmarshal(req.Body, &body); err != nil {
		return answer(http.StatusBadRequest, envelope.ErrorBody{Code: "InvalidParameter", Message: err.Error()})
	}
	if err := validateCreateRequest(&body); err != nil {
		return answer(http.StatusBadRequest, envelope.ErrorBody{Code: "InvalidParameter", Message: err.Error()})
	}
	spec, _ := specFromCreateRequest(&body)
	p := &testPool{id: a.id("np"), spec: spec, state: StateInitial}
	a.addNodes(p, spec.DesiredSize)
	a.pools[p.id] = p
	return a.start(p, StateInitial, func() { p.state = StateActive })
}

func (a *testACK) remove(p *testPool, req *ack.Request) *ack.Response {
	q, err := wire.ParseRemoveNodePoolNodesRequest(req.Query)
	if err != nil {
		return answer(http.StatusBadRequest, envelope.ErrorBody{Code: "InvalidParameter", Message: err.Error()})
	}
	for _, id := range q.InstanceIDs {
		i := slices.IndexFunc(p.nodes, func(n *testNode) bool { return n.id == id })
		if i < 0 || p.nodes[i].state == nodeRemoving {
			return answer(http.StatusBadRequest, envelope.ErrorBody{Code: "ErrorNodePoolState", Message: "node " + id + " cannot be removed"})
		}
		p.nodes[i].state = nodeRemoving
	}
	return a.start(p, StateRemoving, func() {
		before := len(p.nodes)
		p.nodes = slices.DeleteFunc(p.nodes, func(n *testNode) bool { return n.state == nodeRemoving })
		if !p.spec.AutoScaling.Enabled {
			p.spec.DesiredSize -= before - len(p.nodes)
		}
		p.state = StateActive
	})
}

// start puts the pool in state and starts a task that calls finish when
// it succeeds.
func (a *testACK) start(p *testPool, state State, finish func()) *ack.Response {
	t := &testTask{id: a.id("T"), state: "running", fail: a.failTasks, pool: p, finish: finish}
	a.tasks[t.id] = t
	p.state, p.task = state, t
	return answer(http.StatusOK, wire.NodePoolOperation{NodepoolID: p.id, TaskID: t.id, RequestID: a.id("req")})
}

// advance counts one read of a task (or of its pool) and ends the task
// after taskReads of them.
func (a *testACK) advance(t *testTask) {
	if t.state != "running" {
		return
	}
	if t.reads++; t.reads <= a.taskReads {
		return
	}
	if t.fail != nil {
		t.state = "failed"
		t.pool.state = StateFailed
		return
	}
	t.state = "success"
	t.pool.task = nil
	t.finish()
}

func (a *testACK) sortedPools() []*testPool {
	var out []*testPool
	for _, p := range a.pools {
		out = append(out, p)
	}
	slices.SortFunc(out, func(x, y *testPool) int { return strings.Compare(x.id, y.id) })
	return out
}

// render writes a pool as ACK reports it, without its password.
func (a *testACK) render(p *testPool) json.RawMessage {
	body := p.spec.createRequest()
	body.ScalingGroup.LoginPassword = ""
	if p.noDesired {
		body.ScalingGroup.DesiredSize = nil
	}
	body.NodepoolInfo.NodepoolID = p.id
	st := &wire.NodePoolStatus{State: string(p.state), TotalNodes: int64(len(p.nodes))}
	for _, n := range p.nodes {
		if n.state == nodeRemoving {
			st.RemovingNodes++
		}
	}
	b, _ := json.Marshal(wire.NodePoolDetail{Nodepool: *body, Status: st})
	return b
}

func (a *testACK) nodes(req *ack.Request) *ack.Response {
	q, err := wire.ParseDescribeClusterNodesQuery(req.Query)
	if err != nil || q.PageSize > MaxPageSize {
		return answer(http.StatusBadRequest, envelope.ErrorBody{Code: "InvalidParameter", Message: fmt.Sprint(err, q.PageSize)})
	}
	var all []wire.Node
	for _, p := range a.sortedPools() {
		for _, n := range p.nodes {
			switch {
			case q.NodepoolID != "" && q.NodepoolID != p.id:
			case len(q.InstanceIDs) > 0 && !slices.Contains(q.InstanceIDs, n.id):
			case q.State != "" && q.State != "all" && q.State != n.state:
			default:
				all = append(all, wire.Node{
					InstanceID: n.id, NodeName: "cn-hangzhou." + n.id, InstanceRole: "Worker", State: n.state,
					NodepoolID: p.id, Source: SourceESSAttach, CreationTime: n.created.Format(time.RFC3339),
				})
			}
		}
	}
	size, num := q.PageSize, max(q.PageNumber, 1)
	if size == 0 {
		size = 10 // ACK's default page size
	}
	lo := min(int((num-1)*size), len(all))
	hi := min(lo+int(size), len(all))
	return answer(http.StatusOK, wire.DescribeClusterNodesResponse{
		Nodes: all[lo:hi], Page: wire.PageInfo{PageNumber: num, PageSize: size, TotalCount: int64(len(all))},
	})
}

// answer encodes v as a response of status.
func answer(status int, v any) *ack.Response {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return &ack.Response{StatusCode: status, Body: b, RequestID: "req-" + strconv.Itoa(len(b))}
}
