module github.com/errtable/errtable/gen/harness

go 1.22

require github.com/errtable/errtable/errcodes v0.0.0

replace github.com/errtable/errtable/errcodes => ../../errcodes
