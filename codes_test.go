package ack_test

import (
	"testing"

	"github.com/ackgo/ack"
	"github.com/ackgo/ack/internal/signing"
)

// TestSigningCodesAreTheList checks the five codes that internal/signing,
// below this package, spells itself against the one list.
func TestSigningCodesAreTheList(t *testing.T) {
	tests := []struct{ signing, list string }{
		{signing.CodeMissingAuthorization, ack.CodeMissingAuthorization},
		{signing.CodeIncompleteSignature, ack.CodeIncompleteSignature},
		{signing.CodeInvalidAccessKeyID, ack.CodeInvalidAccessKeyIDNotFound},
		{signing.CodeSignatureMismatch, ack.CodeSignatureDoesNotMatch},
		{signing.CodeTimestampExpired, ack.CodeInvalidTimeStampExpired},
	}
	for _, tt := range tests {
		if tt.signing != tt.list {
			t.Errorf("signing spells %q, the list %q", tt.signing, tt.list)
		}
	}
}

// TestCodesClassify checks that each code of the list is classified by
// the predicate its family belongs to, and by no other of these.
func TestCodesClassify(t *testing.T) {
	type kinds struct{ NotFound, Throttled, Quota, Conflict, Invalid, Auth bool }
	tests := map[string]kinds{
		ack.CodeClusterNotFound:              {NotFound: true},
		ack.CodeNodePoolNotFound:             {NotFound: true},
		ack.CodeTaskNotFound:                 {NotFound: true},
		ack.CodeAddonNotFound:                {NotFound: true},
		ack.CodeClusterState:                 {Conflict: true},
		ack.CodeNodePoolState:                {Conflict: true},
		ack.CodeClusterNameAlreadyExist:      {Conflict: true},
		ack.CodeErrorClusterNameAlreadyExist: {Conflict: true},
		ack.CodeDeletionProtection:           {Conflict: true},
		ack.CodeInvalidParameter:             {Invalid: true},
		ack.CodeErrorInvalidParameter:        {Invalid: true},
		ack.CodeInvalidParameterFormat:       {Invalid: true},
		ack.CodeNotImplemented:               {Invalid: true},
		ack.CodeThrottling:                   {Throttled: true},
		ack.CodeThrottlingUser:               {Throttled: true},
		ack.CodeRejectedThrottling:           {Throttled: true},
		ack.CodeCheckACL:                     {Auth: true},
		ack.CodeNoPermission:                 {Auth: true},
		ack.CodeMissingAuthorization:         {Auth: true},
		ack.CodeIncompleteSignature:          {Auth: true},
		ack.CodeInvalidAccessKeyIDNotFound:   {Auth: true},
		ack.CodeSignatureDoesNotMatch:        {Auth: true},
		ack.CodeInvalidTimeStampExpired:      {Auth: true},
		ack.CodeRealNameRequired:             {Quota: true},
		ack.CodeInsufficientBalance:          {Quota: true},
		ack.CodeQuotaCluster:                 {Quota: true},
		ack.CodeQuotaNode:                    {Quota: true},
		ack.CodeQuotaPodsPerNode:             {Quota: true},
	}
	for code, want := range tests {
		err := &ack.APIError{Code: code, HTTPStatus: 400}
		got := kinds{ack.IsNotFound(err), ack.IsThrottled(err), ack.IsQuotaExceeded(err), ack.IsConflict(err), ack.IsInvalid(err), ack.IsAuth(err)}
		if got != want {
			t.Errorf("code %s: %+v, want %+v", code, got, want)
		}
	}
}
