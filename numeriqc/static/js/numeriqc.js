// Site-wide progressive enhancement. Everything works without this file.
document.documentElement.classList.replace("no-js", "js");
