package errcodes

import "strconv"

// Sentinel is the comparison target of a Code for errors.Is: ErrNotFound is
// Sentinel(NotFound), and errors.Is(err, ErrNotFound) is true for every
// *Error of code NotFound in err's chain, however it is wrapped.
//
// The sentinels are constants, not variables of type *Error, so no importer
// can change what they match or print: there is no field to assign and no
// variable to overwrite. Converting a constant to an error allocates nothing.
//
// A Sentinel is an error in its own right: a fake or a test double may
// return ErrNotFound, or wrap it, and CodeOf, IsRetryable and errors.Is treat
// it as an error of its Code that carries no message.
type Sentinel Code

// Code returns the code s matches.
func (s Sentinel) Code() Code { return Code(s) }

// Error reads "prefix: 404 Not Found", as an *Error of the code without a
// message does.
func (s Sentinel) Error() string {
	msg := errorPrefix + ": " + strconv.Itoa(int(s))
	if d := Code(s).Description(); d != "" {
		msg += " " + d
	}
	return msg
}

// Is reports whether target is the same Sentinel or an *Error of the same
// Code, so that errors.Is(ErrNotFound, New(NotFound, "")) holds as
// errors.Is(New(NotFound, ""), ErrNotFound) does.
func (s Sentinel) Is(target error) bool {
	switch t := target.(type) {
	case Sentinel:
		return t == s
	case *Error:
		return t != nil && t.Code == Code(s)
	}
	return false
}
