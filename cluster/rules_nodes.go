package cluster

import (
	"errors"
	"fmt"

	"github.com/ackgo/ack"

	"github.com/ackgo/ack/nodepool"
)

// Rules about the ECS nodes created with the cluster: masters, legacy
// workers and how to log in to them.

func checkMastersForm(s Spec, _ options, r report) {
	if s.Masters != nil && s.Form.Known() && s.Form != Dedicated {
		r(fieldMasters, "are set, but %s clusters have no masters of their own", s.Form)
	}
}

// masterCount is the number of masters a dedicated cluster asks for.
func (s Spec) masterCount() int {
	if s.Masters == nil || s.Masters.Count == 0 {
		return DefaultMasterCount
	}
	return s.Masters.Count
}

func checkMasterCount(s Spec, _ options, r report) {
	if s.Form != Dedicated {
		return
	}
	if n := s.masterCount(); n != 3 && n != 5 {
		r(fieldMasterCount, "is %d; a dedicated cluster has 3 or 5 masters", n)
	}
}

func checkMasterTypes(s Spec, _ options, r report) {
	if s.Form != Dedicated {
		return
	}
	var types []string
	if s.Masters != nil {
		types = s.Masters.InstanceTypes
	}
	if !checkPerMaster(s.masterCount(), types, fieldMasterTypes, "instance types", r) {
		return
	}
	// Each type must be an ECS instance type, as the node pools' parser
	// reads them (ecs.<family>.<size>).
	for i, t := range types {
		if _, err := nodepool.ParseInstanceType(t); err != nil {
			r(fmt.Sprintf("%s[%d]", fieldMasterTypes, i), "%v", err)
		}
	}
}

func checkMasterVSwitches(s Spec, _ options, r report) {
	if s.Form != Dedicated {
		return
	}
	var vs []VSwitch
	if s.Masters != nil {
		vs = s.Masters.VSwitches
	}
	checkPerMaster(s.masterCount(), vswitchIDs(vs), fieldMasterVSwitches, "vSwitches", r)
}

// checkPerMaster checks a list that has one entry per master; it reports
// whether the list passed.
func checkPerMaster(count int, list []string, field, what string, r report) bool {
	if len(list) != count {
		r(field, "has %d %s for %d masters; name one per master", len(list), what, count)
		return false
	}
	ok := true
	for i, v := range list {
		if v == "" {
			r(fmt.Sprintf("%s[%d]", field, i), "is empty")
			ok = false
		}
	}
	return ok
}

func checkWorkersForm(s Spec, _ options, r report) {
	if s.Workers != nil && s.Form == Serverless {
		r(fieldWorkers, "are set, but serverless clusters have no worker nodes")
	}
}

// checkWorkerCount judges the number of legacy workers whenever workers
// are set: a negative count is no count, not "none".
func checkWorkerCount(s Spec, _ options, r report) {
	if w := s.Workers; w != nil && (w.Count < 0 || w.Count > MaxWorkers) {
		r(fieldWorkerCount, "is %d; a cluster is created with 0 to %d legacy workers", w.Count, MaxWorkers)
	}
}

// createsNodes reports whether ECS nodes are created with the cluster, so
// that they need a login.
func (s Spec) createsNodes() bool {
	return s.Form == Dedicated || s.Workers != nil && s.Workers.Count > 0
}

func checkLogin(s Spec, _ options, r report) {
	hasPassword, hasKeyPair := !s.Login.Password.IsZero(), s.Login.KeyPair != ""
	switch {
	case hasPassword && hasKeyPair:
		r(fieldLogin, "has both a password and a key pair; set one of them")
	case !hasPassword && !hasKeyPair && s.createsNodes():
		r(fieldLogin, "is required for the ECS nodes created with the cluster: a password or a key pair")
	}
}

// checkPassword judges the password with the node pools' rule (the same
// ECS password policy), which never puts the password in a message.
func checkPassword(s Spec, _ options, r report) {
	if s.Login.Password.IsZero() {
		return
	}
	if ve, ok := errors.AsType[*ack.ValidationError](nodepool.ValidatePassword(s.Login.Password)); ok {
		for _, v := range ve.Violations {
			r(fieldPassword, "%s", v.Message)
		}
	}
}

// RuleServerlessNodePools is the rule that a serverless cluster has no
// node pools, at creation (Spec.NodePools) and after it (the fake refuses
// CreateClusterNodePool on a serverless cluster with it).
const RuleServerlessNodePools = "cluster.node_pools.serverless"

func checkNodePoolsForm(s Spec, _ options, r report) {
	if s.Form == Serverless && len(s.NodePools) > 0 {
		r(fieldNodePools, "has %d node pools, but a serverless cluster has none: its pods run on container instances", len(s.NodePools))
	}
}
