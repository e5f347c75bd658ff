// Command nodepool walks the node pools of one ACK cluster with the typed
// node pool client, on the embedded fake ACK:
//
//   - a pool is created with a desired size of 2 and scaled out to 5;
//   - it is scaled in to 3 by lowering its desired size, and ACK, not the
//     SDK, chooses which nodes go;
//   - an autoscaled pool follows the demand of its workload, which the
//     fake's SetDemand stands in for: scale-outs add nodes, and a scale-in
//     removes only nodes a scale-out added, newest first, as the product
//     description says (nodepool.ChooseScaleIn predicts which), so the
//     nodes created with the pool stay even when the demand drops to zero;
//   - nodes are removed by hand with RemoveNodes, whatever their origin.
//
// Run it with
//
//	go run ./examples/nodepool
//
// The fake's clock advances as the client waits, so the minutes that each
// change takes on the clock pass in well under a second. Autoscaling is
// driven by the fake here; on ACK the cluster autoscaler follows the pods
// that cannot be scheduled, with the same scale-in rule. The origins the
// story prints come from the fake's Go view (fake.Cloud.Nodes): ACK's node
// list does not tell them (every pool node reports the source
// "ess_attach"), so a client reads every node as of unknown origin, and
// on ACK neither the client nor you choose which nodes a lower desired
// size removes, except by naming them to RemoveNodes.
package main
