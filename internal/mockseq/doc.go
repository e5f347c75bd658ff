// Package mockseq builds the canned lists of the mock packages
// (clustermock.Seq, nodepoolmock.NodeSeq, ...): an iterator over a copy of
// the items given, ended by an error when one is given, so that every
// mock package's list helpers behave alike.
package mockseq
