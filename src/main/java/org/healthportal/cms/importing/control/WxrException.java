package org.healthportal.cms.importing.control;

import org.healthportal.cms.platform.CmsException;

/** A file that is not a WordPress export, or one that breaks off or is malformed: where, so it can be mended. */
public class WxrException extends CmsException.InvalidInput {

    private final int line;
    private final int column;

    public WxrException(String message, int line, int column) {
        super(line > 0 ? message + " (line " + line + ", column " + column + ")" : message);
        this.line = line;
        this.column = column;
        // The screen says it in its own language; the parser's words, in English, come along as the detail.
        if (message.startsWith("This file is not a WordPress export")) {
            withKey("import.notWxr", message);
        } else {
            withKey("import.malformed", line, column, message);
        }
    }

    /** 1-based; 0 when the failure has no place in the file. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
