package bodydrain

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/closers"
)

// kind is what an instruction does to the tracked response.
type kind int

const (
	none            kind = iota
	readSome             // reads part of the body (a decode, a Read)
	drain                // reads the body to EOF
	closeIt              // closes the body
	deferClose           // defers closing the body
	deferDrainClose      // defers draining and closing
	transfer             // hands the response or body to someone else
)

// level is how much of the body a path has read.
type level int

const (
	unread level = iota
	partial
	full
)

// result collects, for one response, where some path goes wrong.
type result struct {
	leak      token.Pos // a path that ends without closing
	leakNoPos bool
	leakRead  token.Pos // a path that ends without closing, having read the body to its end
	unread    token.Pos // a path that closes without reading
	partial   token.Pos // a path that closes after a partial read
	read      bool      // some path reads the body before closing it
}

// tracker follows one response through its function.
type tracker struct {
	pass   *analysis.Pass
	cl     *closers.Result
	origin *ssa.Call
	resp   map[ssa.Value]bool // the response and its aliases
	body   map[ssa.Value]bool // its Body and aliases
	wrap   map[ssa.Value]bool // readers and decoders built on the body
	errs   map[ssa.Value]bool // the call's error and aliases
	events map[ssa.Instruction]kind
	// closures maps an in-place closure to what it does to the response.
	closures map[*ssa.Function]*ssa.MakeClosure
}

// closureUse is what a closure does to the response, on any path.
type closureUse struct {
	closes, drains, reads, transfers bool
}

func newTracker(pass *analysis.Pass, cl *closers.Result, call *ssa.Call) *tracker {
	t := &tracker{
		pass:     pass,
		cl:       cl,
		origin:   call,
		resp:     make(map[ssa.Value]bool),
		body:     make(map[ssa.Value]bool),
		wrap:     make(map[ssa.Value]bool),
		errs:     make(map[ssa.Value]bool),
		events:   make(map[ssa.Instruction]kind),
		closures: make(map[*ssa.Function]*ssa.MakeClosure),
	}
	if _, ok := call.Type().(*types.Tuple); ok {
		tuple := call.Type().(*types.Tuple)
		for _, ref := range refs(call) {
			ext, ok := ref.(*ssa.Extract)
			if !ok {
				continue
			}
			switch {
			case closers.IsResponse(tuple.At(ext.Index).Type()):
				t.addResp(ext)
			case ext.Index == tuple.Len()-1:
				t.addErr(ext)
			}
		}
	} else {
		t.addResp(call)
	}
	return t
}

func refs(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

func (t *tracker) addErr(v ssa.Value) {
	if t.errs[v] {
		return
	}
	t.errs[v] = true
	for _, ref := range refs(v) {
		switch ref := ref.(type) {
		case *ssa.Phi:
			t.addErr(ref)
		case *ssa.Store:
			if a, ok := ref.Addr.(*ssa.Alloc); ok && ref.Val == v {
				t.eachLoad(a, t.addErr)
			}
		}
	}
}

// eachLoad calls f for every load of the local variable a, in its function
// and in the closures that capture it.
func (t *tracker) eachLoad(a ssa.Value, f func(ssa.Value)) {
	for _, ref := range refs(a) {
		switch ref := ref.(type) {
		case *ssa.UnOp:
			if ref.Op == token.MUL {
				f(ref)
			}
		case *ssa.MakeClosure:
			fn, _ := ref.Fn.(*ssa.Function)
			for i, b := range ref.Bindings {
				if b == a && fn != nil && i < len(fn.FreeVars) {
					t.capture(ref)
					t.eachLoad(fn.FreeVars[i], f)
				}
			}
		}
	}
}

// addResp tracks v as the response and classifies its uses.
func (t *tracker) addResp(v ssa.Value) {
	if t.resp[v] {
		return
	}
	t.resp[v] = true
	for _, ref := range refs(v) {
		switch ref := ref.(type) {
		case *ssa.Phi, *ssa.ChangeType, *ssa.MakeInterface, *ssa.TypeAssert, *ssa.ChangeInterface:
			t.addResp(ref.(ssa.Value))
		case *ssa.FieldAddr:
			if isBodyField(ref) {
				for _, r := range refs(ref) {
					switch r := r.(type) {
					case *ssa.UnOp:
						if r.Op == token.MUL {
							t.addBody(r)
						}
					case *ssa.Store:
						t.events[r] = transfer // resp.Body replaced: the new owner closes
					}
				}
			}
		case *ssa.Store:
			t.store(ref, v, t.addResp)
		case *ssa.Return, *ssa.Send, *ssa.MapUpdate:
			t.events[ref] = transfer
		case *ssa.Go:
			t.events[ref] = transfer
		case *ssa.Call, *ssa.Defer:
			t.passed(ref.(ssa.CallInstruction), v, true)
		case *ssa.MakeClosure:
			t.capture(ref)
		}
	}
}

// addBody tracks v as the response's Body and classifies its uses.
func (t *tracker) addBody(v ssa.Value) {
	if t.body[v] {
		return
	}
	t.body[v] = true
	for _, ref := range refs(v) {
		switch ref := ref.(type) {
		case *ssa.Phi, *ssa.ChangeType, *ssa.MakeInterface, *ssa.TypeAssert, *ssa.ChangeInterface:
			t.addBody(ref.(ssa.Value))
		case *ssa.Store:
			t.store(ref, v, t.addBody)
		case *ssa.Return, *ssa.Send, *ssa.MapUpdate, *ssa.Go:
			t.events[ref] = transfer
		case *ssa.Call, *ssa.Defer:
			t.passed(ref.(ssa.CallInstruction), v, false)
		case *ssa.MakeClosure:
			t.capture(ref)
		}
	}
}

// addWrap tracks v as a reader or decoder built on the body.
func (t *tracker) addWrap(v ssa.Value) {
	if t.wrap[v] {
		return
	}
	t.wrap[v] = true
	for _, ref := range refs(v) {
		switch ref := ref.(type) {
		case *ssa.Phi, *ssa.ChangeType, *ssa.MakeInterface, *ssa.TypeAssert, *ssa.ChangeInterface:
			t.addWrap(ref.(ssa.Value))
		case *ssa.Store:
			t.store(ref, v, t.addWrap)
		case *ssa.Return, *ssa.Send, *ssa.MapUpdate, *ssa.Go:
			t.events[ref] = transfer
		case *ssa.Call, *ssa.Defer:
			t.wrapUsed(ref.(ssa.CallInstruction), v)
		case *ssa.MakeClosure:
			t.capture(ref)
		}
	}
}

// store handles v stored at an address: into a local variable it stays
// ours (its loads are aliases); anywhere else (a field, a global, a slice)
// it now belongs to whoever holds that.
func (t *tracker) store(s *ssa.Store, v ssa.Value, alias func(ssa.Value)) {
	if s.Val != v {
		return
	}
	if a, ok := s.Addr.(*ssa.Alloc); ok && !storedElsewhere(a) {
		t.eachLoad(a, alias)
		return
	}
	t.events[s] = transfer
}

// storedElsewhere reports whether a local variable's address escapes other
// than to closures (then its content may be owned elsewhere).
func storedElsewhere(a *ssa.Alloc) bool {
	for _, ref := range refs(a) {
		switch ref.(type) {
		case *ssa.UnOp, *ssa.Store, *ssa.MakeClosure, *ssa.DebugRef:
		default:
			return true
		}
	}
	return false
}

func isBodyField(fa *ssa.FieldAddr) bool {
	st, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	s, ok := st.Elem().Underlying().(*types.Struct)
	return ok && fa.Field < s.NumFields() && s.Field(fa.Field).Name() == "Body" && closers.IsResponse(fa.X.Type())
}

// passed classifies a call that receives the response (isResp) or its body.
func (t *tracker) passed(ci ssa.CallInstruction, v ssa.Value, isResp bool) {
	common := ci.Common()
	_, deferred := ci.(*ssa.Defer)
	mark := func(k kind) {
		if deferred {
			switch k {
			case closeIt:
				k = deferClose
			case drain, readSome:
				return // a deferred read alone closes nothing
			}
		}
		if k > t.events[ci] {
			t.events[ci] = k
		}
	}
	if common.IsInvoke() {
		if common.Value == v && !isResp {
			switch common.Method.Name() {
			case "Close":
				mark(closeIt)
			case "Read":
				mark(readSome)
			default:
				mark(readSome)
			}
			return
		}
		mark(transfer) // handed to an interface method: not ours to judge
		return
	}
	fn := common.StaticCallee()
	if fn == nil {
		mark(transfer)
		return
	}
	obj, _ := fn.Object().(*types.Func)
	if obj == nil {
		mark(transfer)
		return
	}
	if isResp && obj.FullName() == "(*net/http.Response).Write" {
		mark(drain)
		mark(closeIt)
		return
	}
	recv := 0
	if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
		recv = 1
	}
	closes, drains, keeps, known := false, false, false, t.cl.Known(obj)
	for i, arg := range common.Args {
		if arg != v || i < recv {
			continue
		}
		j := i - recv
		if closers.IsDrainCall(obj, j) || t.cl.Drains(obj, j) {
			drains = true
		}
		if t.cl.Closes(obj, j) {
			closes = true
		}
		if t.cl.Keeps(obj, j) {
			keeps = true
		}
	}
	switch {
	case keeps && (isResp || !returnsValue(ci)):
		// Kept by a constructor or a method: the new owner closes. (A body
		// kept by a reader it returns, json.NewDecoder(resp.Body), is a
		// wrapper: handled below.)
		mark(transfer)
	case closes && drains && deferred:
		t.events[ci] = deferDrainClose
	case closes:
		if drains {
			mark(drain)
			if !deferred {
				t.events[ci] = closeAfterDrain
				return
			}
		}
		mark(closeIt)
	case drains:
		mark(drain)
	case !isResp && known:
		// A reader built on the body (json.NewDecoder, bufio.NewReader) or
		// a helper that reads some of it.
		mark(readSome)
		if call, ok := ci.(*ssa.Call); ok && !deferred {
			if _, isTuple := call.Type().(*types.Tuple); !isTuple && hasMethods(call.Type()) {
				t.addWrap(call)
			}
		}
	case !isResp && isStdReader(obj):
		mark(readSome)
		if call, ok := ci.(*ssa.Call); ok && !deferred && hasMethods(call.Type()) {
			t.addWrap(call)
		}
	case known:
		// A helper that looks at the response without closing it.
	default:
		mark(transfer)
	}
}

// closeAfterDrain is a call that reads the body to EOF and closes it.
const closeAfterDrain = transfer + 1

// isStdReader reports whether fn is a standard-library function: the
// standard library is analyzed like any dependency, but a function that is
// only declared (assembly) has no fact; reading through it is still a read.
func isStdReader(fn *types.Func) bool {
	return fn.Pkg() != nil && !containsDot(fn.Pkg().Path())
}

func containsDot(s string) bool {
	for i := range len(s) {
		if s[i] == '.' {
			return true
		}
	}
	return false
}

// hasMethods reports whether a call's result of type t can be a reader
// built on the body it was given (a decoder, a buffered reader): a value
// with methods. An error is not one, though it has a method: a helper
// that returns only an error has not handed the body on.
func hasMethods(t types.Type) bool {
	return types.NewMethodSet(t).Len() > 0 && !apis.IsError(t)
}

// wrapUsed classifies a call that uses a reader built on the body.
func (t *tracker) wrapUsed(ci ssa.CallInstruction, v ssa.Value) {
	if _, deferred := ci.(*ssa.Defer); deferred {
		return
	}
	common := ci.Common()
	k := readSome
	var name string
	if common.IsInvoke() {
		name = common.Method.Name()
	} else if fn := common.StaticCallee(); fn != nil {
		if obj, ok := fn.Object().(*types.Func); ok {
			name = obj.FullName()
			recv := 0
			if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
				recv = 1
			}
			for i, arg := range common.Args {
				if arg == v && i >= recv && (closers.IsDrainCall(obj, i-recv) || t.cl.Drains(obj, i-recv)) {
					k = drain
				}
			}
		}
	}
	if name == "(*bufio.Scanner).Scan" {
		k = drain // a scan loop reads to the end
	}
	if k > t.events[ci] {
		t.events[ci] = k
	}
	if call, ok := ci.(*ssa.Call); ok && k == readSome {
		if _, isTuple := call.Type().(*types.Tuple); !isTuple && hasMethods(call.Type()) && !apis.IsError(call.Type()) {
			t.addWrap(call)
		}
	}
}

// capture records a closure that captures the response, its body or a
// reader on it. Called in place or deferred, what it does counts there
// (eventAt); otherwise (started with go, stored, passed on) it owns the
// response (finish).
func (t *tracker) capture(mc *ssa.MakeClosure) {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return
	}
	if _, done := t.closures[fn]; !done {
		t.closures[fn] = mc
	}
}

// finish marks as transfers the closures that use the response and are not
// run in place.
func (t *tracker) finish() {
	for fn, mc := range t.closures {
		if t.boundClose(fn, mc) {
			t.handedClose(mc)
			continue
		}
		if s := t.summarize(fn); s == (closureUse{}) {
			continue
		}
		for _, ref := range refs(mc) {
			switch ref := ref.(type) {
			case *ssa.Call:
				if ref.Call.Value == mc {
					continue
				}
			case *ssa.Defer:
				if ref.Call.Value == mc {
					continue
				}
			case *ssa.DebugRef:
				continue
			}
			t.events[ref] = transfer
		}
	}
}

// boundClose reports whether mc is the body's Close method as a value
// (resp.Body.Close, a bound method wrapper over the body).
func (t *tracker) boundClose(fn *ssa.Function, mc *ssa.MakeClosure) bool {
	return fn.Synthetic != "" && fn.Name() == "Close$bound" && len(mc.Bindings) == 1 && t.body[mc.Bindings[0]]
}

// handedClose records what becomes of the body's Close method value mc:
// called, or handed to a call (defer logClose(resp.Body.Close)), it
// closes the body there; a closer given it is trusted to call it.
func (t *tracker) handedClose(mc *ssa.MakeClosure) {
	for _, ref := range refs(mc) {
		switch ref := ref.(type) {
		case *ssa.Call:
			if closeIt > t.events[ref] {
				t.events[ref] = closeIt
			}
		case *ssa.Defer:
			if deferClose > t.events[ref] {
				t.events[ref] = deferClose
			}
		case *ssa.DebugRef:
		default:
			t.events[ref] = transfer // stored, sent, started: its owner closes
		}
	}
}

// summarize tells what closure fn does to the response, on any path.
func (t *tracker) summarize(fn *ssa.Function) closureUse {
	var s closureUse
	for ev, k := range t.events {
		if ev.Parent() != fn {
			continue
		}
		switch k {
		case readSome:
			s.reads = true
		case drain:
			s.drains = true
		case closeIt, deferClose:
			s.closes = true
		case deferDrainClose, closeAfterDrain:
			s.closes, s.drains = true, true
		case transfer:
			s.transfers = true
		}
	}
	for _, anon := range fn.AnonFuncs {
		sub := t.summarize(anon)
		s.closes = s.closes || sub.closes
		s.drains = s.drains || sub.drains
		s.reads = s.reads || sub.reads
		s.transfers = s.transfers || sub.transfers
	}
	return s
}

// eventAt returns what instr does, summarizing a closure called in place.
func (t *tracker) eventAt(instr ssa.Instruction) kind {
	if k, ok := t.events[instr]; ok {
		return k
	}
	var common *ssa.CallCommon
	_, deferred := instr.(*ssa.Defer)
	switch instr := instr.(type) {
	case *ssa.Call:
		common = &instr.Call
	case *ssa.Defer:
		common = &instr.Call
	default:
		return none
	}
	mc, ok := common.Value.(*ssa.MakeClosure)
	if !ok {
		return none
	}
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return none
	}
	if _, captured := t.closures[fn]; !captured {
		return none
	}
	s := t.summarize(fn)
	switch {
	case s.transfers:
		return transfer
	case s.closes && s.drains && deferred:
		return deferDrainClose
	case s.closes && deferred:
		return deferClose
	case s.closes && s.drains:
		return closeAfterDrain
	case s.closes:
		return closeIt
	case deferred:
		return none
	case s.drains:
		return drain
	case s.reads:
		return readSome
	}
	return none
}

// state is where a path stands.
type state struct {
	block       *ssa.BasicBlock
	deferred    bool // a close is deferred
	deferDrains bool // ... by a function that also drains
	read        level
}

// walk follows every path from the call to the function's exits.
func (t *tracker) walk() result {
	t.finish()
	var res result
	origin := t.origin.Block()
	start := 0
	for i, instr := range origin.Instrs {
		if instr == t.origin {
			start = i + 1
		}
	}
	seen := make(map[state]bool)
	var visit func(st state, from int)
	visit = func(st state, from int) {
		b := st.block
		for i := from; i < len(b.Instrs); i++ {
			instr := b.Instrs[i]
			if instr == ssa.Instruction(t.origin) {
				// Back at the call in a loop: a path that leaks this
				// response also reaches the loop's exit, where it is
				// reported; paths that only go round (1xx responses,
				// redirects closed at the top of the loop) are not.
				return
			}
			switch k := t.eventAt(instr); k {
			case readSome:
				st.read = max(st.read, partial)
			case drain:
				st.read = full
			case closeIt:
				t.closedAt(&res, st.read, instr.Pos())
				return
			case closeAfterDrain, transfer:
				return
			case deferClose:
				st.deferred = true
			case deferDrainClose:
				st.deferred, st.deferDrains = true, true
			}
			switch instr := instr.(type) {
			case *ssa.Return:
				if !st.deferred && st.read == full {
					// At EOF the transport takes the connection back.
					setPos(&res.leakRead, instr.Pos())
					return
				}
				if !st.deferred {
					setPos(&res.leak, instr.Pos())
					if !instr.Pos().IsValid() {
						res.leakNoPos = true
					}
					return
				}
				if !st.deferDrains {
					t.closedAt(&res, st.read, instr.Pos())
				}
				return
			case *ssa.Panic:
				return
			case *ssa.Call:
				if noReturn(instr) {
					return
				}
			case *ssa.If:
				if succ, ok := t.emptyBody(instr); ok {
					// 204 No Content, 304 Not Modified: nothing to read.
					empty := st
					empty.block, empty.read = b.Succs[succ], full
					t.enter(empty, seen, visit)
					other := st
					other.block = b.Succs[1-succ]
					t.enter(other, seen, visit)
					return
				}
				if succ, ok := t.readFailed(instr); ok {
					// A failed read of the body: the transport has
					// already dropped the connection; nothing is pinned.
					next := st
					next.block = b.Succs[1-succ]
					t.enter(next, seen, visit)
					return
				}
				if succ, ok := t.successOnly(instr); ok {
					next := st
					next.block = b.Succs[succ]
					t.enter(next, seen, visit)
					return
				}
			}
		}
		for _, succ := range b.Succs {
			next := st
			next.block = succ
			t.enter(next, seen, visit)
		}
	}
	visit(state{block: origin}, start)
	return res
}

func (t *tracker) enter(st state, seen map[state]bool, visit func(state, int)) {
	if seen[st] {
		return
	}
	seen[st] = true
	visit(st, 0)
}

func (t *tracker) closedAt(res *result, read level, pos token.Pos) {
	res.read = res.read || read > unread
	switch read {
	case unread:
		setPos(&res.unread, pos)
	case partial:
		setPos(&res.partial, pos)
	}
}

// setPos keeps the earliest position, so that output does not depend on
// the order paths are walked in.
func setPos(dst *token.Pos, pos token.Pos) {
	if !pos.IsValid() {
		if !dst.IsValid() {
			*dst = token.NoPos
		}
		return
	}
	if !dst.IsValid() || pos < *dst {
		*dst = pos
	}
}

// successOnly tells, for a branch on the call's error or on the response
// being nil, which successor is the one where the response exists.
func (t *tracker) successOnly(ifInstr *ssa.If) (int, bool) {
	if t.checksErr(ifInstr.Cond) {
		return 1, true // if handleErr(w, err) { return }: true on failure
	}
	if not, ok := ifInstr.Cond.(*ssa.UnOp); ok && not.Op == token.NOT && t.checksErr(not.X) {
		return 0, true
	}
	bin, ok := ifInstr.Cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return 0, false
	}
	x, y := bin.X, bin.Y
	if isNil(x) {
		x, y = y, x
	}
	if !isNil(y) {
		return 0, false
	}
	switch {
	case t.errs[x]: // err == nil: success on true
		if bin.Op == token.EQL {
			return 0, true
		}
		return 1, true
	case t.resp[x], t.body[x]: // resp != nil, resp.Body != nil: something to close on true
		if bin.Op == token.NEQ {
			return 0, true
		}
		return 1, true
	}
	return 0, false
}

// checksErr reports whether cond is a call handed the call's error that
// answers a bool: an error check written as a helper (if
// response.HandleError(c, err, 500) { return }), true when there was one.
func (t *tracker) checksErr(cond ssa.Value) bool {
	call, ok := cond.(*ssa.Call)
	if !ok {
		return false
	}
	for _, arg := range call.Call.Args {
		if t.errs[arg] {
			return true
		}
	}
	return false
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// noReturn reports whether a call ends the program or the goroutine.
func noReturn(call *ssa.Call) bool {
	fn := call.Call.StaticCallee()
	if fn == nil {
		return false
	}
	obj, _ := fn.Object().(*types.Func)
	if obj == nil {
		return false
	}
	return apis.NoReturn(obj)
}

// returnsValue reports whether a call yields a value other than an error.
func returnsValue(ci ssa.CallInstruction) bool {
	call, ok := ci.(*ssa.Call)
	if !ok {
		return false
	}
	switch t := call.Type().(type) {
	case *types.Tuple:
		for i := range t.Len() {
			if !apis.IsError(t.At(i).Type()) {
				return true
			}
		}
		return false
	default:
		return !apis.IsError(t)
	}
}

// emptyBody tells, for a branch on the response's status being 204 or 304
// (responses without a body), which successor has the empty body.
func (t *tracker) emptyBody(ifInstr *ssa.If) (int, bool) {
	x, k, succ, ok := equalsConst(ifInstr)
	if !ok || k.Value == nil || !t.isStatus(x, 0) {
		return 0, false
	}
	code, ok := constant.Int64Val(constant.ToInt(k.Value))
	if !ok || (code != 204 && code != 304) {
		return 0, false
	}
	return succ, true
}

// equalsConst matches an if on x == k or x != k with k a constant, and
// returns the successor taken when x equals k.
func equalsConst(ifInstr *ssa.If) (x ssa.Value, k *ssa.Const, succ int, ok bool) {
	bin, ok := ifInstr.Cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return nil, nil, 0, false
	}
	x, y := bin.X, bin.Y
	if _, ok := x.(*ssa.Const); ok {
		x, y = y, x
	}
	k, ok = y.(*ssa.Const)
	if !ok {
		return nil, nil, 0, false
	}
	if bin.Op == token.NEQ {
		succ = 1
	}
	return x, k, succ, true
}

// readFailed reports whether ifInstr tests the error of a read of the body
// (data, err := io.ReadAll(resp.Body); if err != nil), and which successor
// is the failure.
func (t *tracker) readFailed(ifInstr *ssa.If) (int, bool) {
	x, k, equalSucc, ok := equalsConst(ifInstr)
	if !ok || !k.IsNil() {
		return 0, false
	}
	ext, ok := x.(*ssa.Extract)
	if !ok {
		return 0, false
	}
	call, ok := ext.Tuple.(*ssa.Call)
	if !ok || ext.Index != call.Call.Signature().Results().Len()-1 {
		return 0, false
	}
	if k := t.eventAt(call); k != readSome && k != drain {
		return 0, false
	}
	return 1 - equalSucc, true // the failure: err != nil
}

// isStatus reports whether v is the response's StatusCode, read from the
// field or from a local variable it was stored in.
func (t *tracker) isStatus(v ssa.Value, depth int) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL || depth > 2 {
		return false
	}
	switch addr := load.X.(type) {
	case *ssa.FieldAddr:
		if !t.resp[addr.X] {
			return false
		}
		st, ok := addr.X.Type().Underlying().(*types.Pointer)
		if !ok {
			return false
		}
		s, ok := st.Elem().Underlying().(*types.Struct)
		return ok && addr.Field < s.NumFields() && s.Field(addr.Field).Name() == "StatusCode"
	case *ssa.Alloc:
		for _, ref := range refs(addr) {
			if st, ok := ref.(*ssa.Store); ok && st.Addr == addr && t.isStatus(st.Val, depth+1) {
				return true
			}
		}
	}
	return false
}
