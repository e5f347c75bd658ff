package cluster

import (
	"fmt"
	"strings"
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
	checkPerMaster(s.masterCount(), types, fieldMasterTypes, "instance types", r)
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

// checkPerMaster checks a list that has one entry per master.
func checkPerMaster(count int, list []string, field, what string, r report) {
	if len(list) != count {
		r(field, "has %d %s for %d masters; name one per master", len(list), what, count)
		return
	}
	for i, v := range list {
		if v == "" {
			r(fmt.Sprintf("%s[%d]", field, i), "is empty")
		}
	}
}

func checkWorkersForm(s Spec, _ options, r report) {
	if s.Workers != nil && s.Form == Serverless {
		r(fieldWorkers, "are set, but serverless clusters have no worker nodes")
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

// Password limits of ECS.
const (
	minPasswordLen = 8
	maxPasswordLen = 30
	// passwordSpecials are the special characters an ECS password may use.
	passwordSpecials = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/"
)

// checkPassword judges the password without ever putting it, or any part
// of it, in a message.
func checkPassword(s Spec, _ options, r report) {
	pw := s.Login.Password.Reveal()
	if pw == "" {
		return
	}
	var upper, lower, digit, special, other bool
	n := 0
	for _, c := range pw {
		n++
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9':
			digit = true
		case strings.ContainsRune(passwordSpecials, c):
			special = true
		default:
			other = true
		}
	}
	kinds := 0
	for _, k := range []bool{upper, lower, digit, special} {
		if k {
			kinds++
		}
	}
	switch {
	case n < minPasswordLen || n > maxPasswordLen:
		r(fieldPassword, "must have %d to %d characters", minPasswordLen, maxPasswordLen)
	case other:
		r(fieldPassword, "contains a character that is not a letter, a digit or one of %s", passwordSpecials)
	case kinds < 3:
		r(fieldPassword, "must use at least 3 kinds of characters: upper case, lower case, digits, special characters")
	}
}
