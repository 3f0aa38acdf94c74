/** The accounting export's views: the export with its earlier files, and the account mapping on Administration. */
package com.kontor.accounting.ui;
