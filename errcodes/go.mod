module github.com/errtable/errtable/errcodes

go 1.22
