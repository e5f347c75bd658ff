package ack

// The error codes the SDK names, in one list: ACK's own, the API
// gateway's, the VPC API's, the quota refusals' and the few the fake
// chooses where ACK's code is not known (kept in ACK's style, so that the
// predicates below classify them as ACK's). APIError.Code holds them; the
// predicates (IsNotFound, IsThrottled, ...), the typed clients, the quota
// package's Code constants and the fake's error constants all read them
// from here. Only internal/signing, which sits below this package, spells
// its five signature codes itself; a test keeps them equal to these.

// ACK's codes.
const (
	// CodeClusterNotFound: the cluster does not exist or was deleted.
	CodeClusterNotFound = "ErrorClusterNotFound"
	// CodeNodePoolNotFound: the node pool does not exist in the cluster, or
	// was deleted.
	CodeNodePoolNotFound = "ErrorNodePoolNotFound"
	// CodeNodePoolState: the node pool's state does not allow the operation
	// now.
	CodeNodePoolState = "ErrorNodePoolState"
	// CodeClusterState: the cluster's state does not allow the operation now.
	CodeClusterState = "ErrorClusterState"
	// CodeClusterNameAlreadyExist: a cluster of that name exists.
	CodeClusterNameAlreadyExist = "ClusterNameAlreadyExist"
	// CodeErrorClusterNameAlreadyExist is ACK's other spelling of
	// CodeClusterNameAlreadyExist.
	CodeErrorClusterNameAlreadyExist = "ErrorClusterNameAlreadyExist"
	// CodeAddonNotFound: the add-on does not exist.
	CodeAddonNotFound = "AddonNotFound"
	// CodeInvalidParameter: the request breaks a rule.
	CodeInvalidParameter = "InvalidParameter"
	// CodeErrorInvalidParameter is ACK's other spelling of CodeInvalidParameter.
	CodeErrorInvalidParameter = "ErrorInvalidParameter"
	// CodeInvalidParameterFormat: a body, a query value or a nested JSON
	// string is not well-formed.
	CodeInvalidParameterFormat = "InvalidParameter.Format"
	// CodeInternalError: a server error; the request may or may not have been
	// applied.
	CodeInternalError = "InternalError"
	// CodeCheckACL: the caller may not perform the action.
	CodeCheckACL = "ErrorCheckAcl"
	// CodeNoPermission: the caller's RAM policy does not allow the action.
	CodeNoPermission = "NoPermission"
)

// Codes the fake chooses where ACK's own is not known.
const (
	// CodeTaskNotFound: the task does not exist.
	CodeTaskNotFound = "ErrorTaskNotFound"
	// CodeDeletionProtection: DeleteCluster refused because the cluster has
	// deletion protection on.
	CodeDeletionProtection = "ErrorDeletionProtection"
	// CodeNotImplemented: an ACK API the fake does not simulate.
	CodeNotImplemented = "NotImplemented"
)

// The VPC API's codes.
const (
	// CodeInvalidVpcIDNotFound: the VPC is unknown.
	CodeInvalidVpcIDNotFound = "InvalidVpcId.NotFound"
	// CodeInvalidVSwitchIDNotFound: the vSwitch is unknown.
	CodeInvalidVSwitchIDNotFound = "InvalidVSwitchId.NotFound"
)

// The API gateway's codes: flow control, routing and signatures.
const (
	// CodeThrottling: flow control.
	CodeThrottling = "Throttling"
	// CodeThrottlingUser: per-account flow control.
	CodeThrottlingUser = "Throttling.User"
	// CodeRejectedThrottling: flow control, as some gateways spell it.
	CodeRejectedThrottling = "Rejected.Throttling"
	// CodeServiceUnavailable: a transient refusal; nothing was applied.
	CodeServiceUnavailable = "ServiceUnavailable"
	// CodeInvalidActionNotFound: no API has this method and path.
	CodeInvalidActionNotFound = "InvalidAction.NotFound"
	// CodeMissingAuthorization: the request has no Authorization header.
	CodeMissingAuthorization = "MissingAuthorization"
	// CodeIncompleteSignature: the signature headers are malformed or
	// incomplete.
	CodeIncompleteSignature = "IncompleteSignature"
	// CodeInvalidAccessKeyIDNotFound: the access key ID is not known.
	CodeInvalidAccessKeyIDNotFound = "InvalidAccessKeyId.NotFound"
	// CodeSignatureDoesNotMatch: the signature does not match the request and
	// the key's secret.
	CodeSignatureDoesNotMatch = "SignatureDoesNotMatch"
	// CodeInvalidTimeStampExpired: the request's date is too far from the
	// server's clock.
	CodeInvalidTimeStampExpired = "InvalidTimeStamp.Expired"
	// CodeSignatureNonceUsed: an ACS3-signed request reuses a nonce.
	CodeSignatureNonceUsed = "SignatureNonceUsed"
)

// Quota and account-prerequisite refusals.
const (
	// CodeRealNameRequired refuses an account without real-name verification.
	CodeRealNameRequired = "Account.RealNameRequired"
	// CodeInsufficientBalance refuses a pay-as-you-go purchase on too few
	// funds.
	CodeInsufficientBalance = "InsufficientBalance"
	// CodeQuotaCluster refuses a dedicated or managed cluster past the cluster
	// quota.
	CodeQuotaCluster = "QuotaExceeded.Cluster"
	// CodeQuotaManagedCluster refuses a managed cluster past its quota.
	CodeQuotaManagedCluster = "QuotaExceeded.ManagedCluster"
	// CodeQuotaServerlessCluster refuses a serverless cluster past its quota.
	CodeQuotaServerlessCluster = "QuotaExceeded.ServerlessCluster"
	// CodeQuotaNode refuses nodes past the nodes-per-cluster quota.
	CodeQuotaNode = "QuotaExceeded.Node"
	// CodeQuotaNodePool refuses a node pool past the node-pools-per-cluster
	// quota.
	CodeQuotaNodePool = "QuotaExceeded.NodePool"
	// CodeQuotaContainerInstance refuses container instances past their quota.
	CodeQuotaContainerInstance = "QuotaExceeded.ContainerInstance"
	// CodeQuotaPodsPerNode refuses a pods-per-node setting past its limit.
	CodeQuotaPodsPerNode = "QuotaExceeded.PodsPerNode"
)

// Prefixes of code families that the predicates classify as a whole.
const (
	// prefixThrottling starts the codes of flow control (Throttling.User,
	// ...).
	prefixThrottling = "Throttling."
	// prefixQuotaExceeded starts every quota refusal.
	prefixQuotaExceeded = "QuotaExceeded"
	// prefixAccount starts the account-prerequisite refusals.
	prefixAccount = "Account."
)
