package cluster

// Rules about what names the cluster: its name, region, form and tags.

// maxNameLen is the longest cluster name ACK accepts.
const maxNameLen = 63

func checkName(s Spec, _ options, r report) {
	n := s.Name
	switch {
	case n == "":
		r(fieldName, "is required (1 to %d characters)", maxNameLen)
		return
	case len(n) > maxNameLen:
		r(fieldName, "has %d characters, at most %d are allowed", len(n), maxNameLen)
		return
	case n[0] == '-':
		r(fieldName, "must not start with '-'")
		return
	}
	for _, c := range n {
		if !isNameRune(c) {
			r(fieldName, "contains %q; only letters, digits and '-' are allowed", c)
			return
		}
	}
}

// isNameRune reports whether c may appear in a cluster name.
func isNameRune(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

func checkRegion(s Spec, _ options, r report) {
	if s.Region == "" {
		r(fieldRegion, "is required")
	}
}

func checkForm(s Spec, _ options, r report) {
	if !s.Form.Known() {
		r(fieldForm, "is %s; it must be Dedicated, ManagedBasic, ManagedPro or Serverless", s.Form)
	}
}

func checkTags(s Spec, _ options, r report) {
	if len(s.Tags) > MaxTags {
		r(fieldTags, "has %d tags, at most %d are allowed", len(s.Tags), MaxTags)
	}
}
